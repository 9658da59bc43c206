// Briefings: view models worded for a partnership meeting, and their rendering through Handlebars templates.
export type * from './types.js';
export { cycleBriefing, type BriefingOptions } from './cycle.js';
export { overviewBriefing, type OverviewCycle } from './overview.js';
export { Verbatim, escapeMarkdown, escapeMarkdownDeep } from './markdown.js';
export {
  FORMATS,
  GENERATED_MARKER,
  cycleTemplateName,
  isGeneratedBriefing,
  overviewTemplateName,
  renderBriefing,
  type BriefingFormat,
  type TemplateSet,
  type TemplateSource,
} from './render.js';
