import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI 3 generated from the zod contracts: /api/openapi.json, browsable at /api/docs. */
export async function registerDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '党建工作平台 API', description: '基层党组织日常工作平台开放接口。除登录外均需会话 Cookie；写操作须带 x-csrf-token 请求头。', version: '1.0.0' },
      tags: [
        { name: 'auth', description: '登录与账号' },
        { name: 'orgs', description: '组织体系' },
        { name: 'members', description: '党员信息库' },
        { name: 'audit', description: '审计日志' },
        { name: 'imports', description: 'Excel 导入导出' },
        { name: 'grids', description: '网格' },
        { name: 'sites', description: '阵地' },
      ],
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'dj_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
}
