/** The canonical report model as TypeBox definitions: the single source of truth of every emitted artifact. */
export { ApplicantCounts, Applications2019, Applications2021, Outcomes2019, Outcomes2021 } from './applications.js'
export { AdditionalItem, InformationProcessingFee, OtherMatters, ProblemsAndImprovements } from './closing-sections.js'
export { MAX_COUNT, Paragraphs } from './common.js'
export { ReportMeta } from './meta.js'
export { Overview, OverviewParagraph, OverviewTopic } from './overview.js'
export { ProactiveDisclosure2019, ProactiveDisclosure2021 } from './proactive-disclosure.js'
export { Report, Report2019, Report2021, TEMPLATES, type TemplateGeneration } from './report.js'
export { ReviewsAndLawsuits } from './reviews-and-lawsuits.js'
