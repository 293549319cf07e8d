export * from './geometry';
export * from './layout';
