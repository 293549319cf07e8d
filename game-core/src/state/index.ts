export * from './types';
export * from './initial';
