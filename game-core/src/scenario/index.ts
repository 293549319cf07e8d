export * from './schema';
export * from './parse';
export { crossCheck, type RefIssue } from './crossCheck';
export { describeIssue, nearest, editDistance, type Lang } from './messages';
