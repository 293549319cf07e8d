export * from './board/geometry';
export * from './state/index';
export * from './rules/context';
export { findAddedCard, MAX_BLANK_CARDS } from './rules/cardPlace';
export { MAX_TABLES } from './rules/tableAdd';
export { timerRemaining } from './rules/timer';
export { promptText } from './rules/facilitation';
export { freeRequiredRoles } from './rules/stepSet';
export { pollOptionCount, pollTally, DEFAULT_SCALE_POINTS } from './rules/poll';
export { MAX_INSIGHTS_PER_SEAT } from './rules/insight';
export { MAX_LINKS } from './rules/link';
export * from './engine/views';
export * from './engine/report';
export { applyEventToTable, roleAtTable, type EffectOutcome } from './rules/eventEffects';
export * from './engine/applyAction';
export * from './engine/projection';
export * from './engine/erasure';
export type { Scenario, ScenarioCard, ScenarioRole, ScenarioEvent, ScenarioEffect, ScenarioPoll } from './scenario/schema';
export { ROLE_TEXT_FIELDS, type RoleTextField } from './scenario/roleFields';
export * from './protocol/index';
export {
  layoutBoard,
  setLabel,
  wrapWords,
  boxesOverlap,
  boundsOf,
  extentAt,
  extentsOverlap,
  extentInBand,
  turnAt,
  toDisplay,
  toCanonical,
  MIN_CENTRE,
  ringBand,
  CARD_FONT,
  CARD_PAD_EM,
  TAG_ROW_EM,
  CARD_SHAPES,
  CARD_GAP,
  STACK_BOX,
  TOKEN_BOX,
  type BoardLayout,
  type Box,
  type CardStack,
  type Extent,
  type LabelSetting,
  type LayoutCardInput,
  type LayoutOptions,
  type LayoutTokenInput,
  type PlacedCard,
} from './board/layout';
