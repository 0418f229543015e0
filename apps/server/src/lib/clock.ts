/** The time source, injectable so tests can move time (idle timeout, lockout). */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
