/** Who published the report, for which year, and where it came from. */
import Type from 'typebox'
import { define } from './registry.js'

export const ReportMeta = define(
  'ReportMeta',
  Type.Object(
    {
      year: Type.Integer({
        minimum: 2008,
        maximum: 2100,
        title: '报告年度',
        description: 'The calendar year the report covers (data as of 31 December of that year).',
      }),
      agencyName: Type.String({
        minLength: 1,
        maxLength: 200,
        title: '机关名称',
        description: 'Name of the administrative agency (行政机关) or government that publishes the report.',
      }),
      title: Type.Optional(
        Type.String({ minLength: 1, maxLength: 500, title: '报告标题', description: 'The title as printed.' }),
      ),
      publishedOn: Type.Optional(
        Type.String({
          format: 'date',
          pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
          title: '发布日期',
          description: 'Date the report was published, as an ISO 8601 calendar date (YYYY-MM-DD).',
        }),
      ),
      sourceUrl: Type.Optional(
        Type.String({
          // A pattern, not format "uri": every validator asserts a pattern, not all assert that format. Only ASCII
          // classes, so that ECMAScript and Python regular expressions read it the same (their \s differ).
          pattern: '^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#][!-~]*)?$',
          maxLength: 2000,
          title: '来源网址',
          description: 'The http(s) address the report was published at: an ASCII host, then any printable ASCII (non-ASCII percent-encoded).',
        }),
      ),
      divisionCode: Type.Optional(
        Type.String({
          pattern: '^[1-9][0-9]{5}$',
          title: '行政区划代码',
          description: 'Six-digit administrative division code (GB/T 2260) of the agency’s area.',
        }),
      ),
      creditCode: Type.Optional(
        Type.String({
          pattern: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$',
          title: '统一社会信用代码',
          description: 'The agency’s 18-character unified social credit code (GB 32100), upper case.',
        }),
      ),
    },
    {
      additionalProperties: false,
      title: '报告信息',
      description: 'Metadata of the report: year, publishing agency and provenance.',
    },
  ),
)
