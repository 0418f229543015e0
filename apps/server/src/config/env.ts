import { z } from 'zod';

/**
 * Every configuration key, validated once at start. The only reader of process.env.
 * .env.example documents each key.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DANGJIAN_DATA_DIR: z.string().default('./data'),
  DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  DEMO_SEED: z.coerce.number().int().default(2026),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  LOGIN_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  BACKUP_KEEP_DAYS: z.coerce.number().int().min(1).default(14),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** How 微心愿 verification codes reach residents' phones: 'log' writes them to the server log (development);
   * 'http' posts { phone, code, purpose } as JSON to SMS_HTTP_URL (an SMS gateway of the locality). */
  SMS_SENDER: z.enum(['log', 'http']).default('log'),
  SMS_HTTP_URL: z.url().optional(),
  /** Sent as `Authorization: Bearer …` to SMS_HTTP_URL when set. */
  SMS_HTTP_TOKEN: z.string().min(1).optional(),
}).refine((c) => c.SMS_SENDER !== 'http' || !!c.SMS_HTTP_URL, { message: 'SMS_SENDER=http 时必须设置 SMS_HTTP_URL', path: ['SMS_HTTP_URL'] });

export type Config = z.infer<typeof EnvSchema> & {
  /** Demo data and accounts are created: never when NODE_ENV=production. */
  demoEnabled: boolean;
};

/** Parses the environment; throws a readable message naming each bad key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置错误 (invalid configuration):\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const demoEnabled = c.NODE_ENV !== 'production' && (c.DEMO === 'on' || (c.DEMO === 'auto' && !c.DATABASE_URL));
  return { ...c, demoEnabled };
}

/** A configuration for tests: no demo, quiet logs. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '1000' }), ...overrides };
}
