export * from './types';
export * from './initial';
export * from './ids';
export * from './text';
