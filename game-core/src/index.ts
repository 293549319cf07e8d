export * from './board/geometry';
export * from './state/index';
export * from './rules/context';
export { findAddedCard } from './rules/cardPlace';
export { MAX_TABLES } from './rules/tableAdd';
export { applyEventToTable, type EffectOutcome } from './rules/eventEffects';
export * from './engine/applyAction';
export type { Scenario, ScenarioCard, ScenarioRole, ScenarioEvent, ScenarioEffect, ScenarioPoll } from './scenario/schema';
export * from './protocol/index';
