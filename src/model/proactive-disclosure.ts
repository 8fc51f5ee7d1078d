/**
 * Section 二、主动公开政府信息情况: the tables of 《条例》第二十条 items (一), (五), (六), (八) and, in 2019, (九).
 * Each row is an object whose keys are the table's columns; the row's official label is its `title`.
 */
import Type from 'typebox'
import { amount, count, notes, signedCount } from './common.js'
import { define, labelled } from './registry.js'

const SECTION_TITLE = '二、主动公开政府信息情况'

// ---- 2021 template (国办公开办函〔2021〕30号) ----

const DocumentCounts2021 = define(
  'DocumentCounts2021',
  Type.Object(
    {
      issued: count('本年制发件数', 'Documents of this kind issued during the year.'),
      repealed: count('本年废止件数', 'Documents of this kind repealed during the year.'),
      inForce: count('现行有效件数', 'Documents of this kind in force on 31 December (historical total).'),
    },
    { additionalProperties: false, title: '制发、废止和现行有效件数', description: 'A row of the 第二十条第（一）项 table (2021).' },
  ),
)

const DecisionCount2021 = define(
  'DecisionCount2021',
  Type.Object(
    {
      decisions: count(
        '本年处理决定数量',
        'Decisions made during the year, including those disclosed and those lawfully not disclosed.',
      ),
    },
    { additionalProperties: false, title: '处理决定数量', description: 'A row of the 第二十条第（五）/（六）项 tables (2021).' },
  ),
)

const FeeAmount2021 = define(
  'FeeAmount2021',
  Type.Object(
    {
      amountTenThousandYuan: amount(
        '本年收费金额（单位：万元）',
        'Administrative fees collected during the year, in units of 10,000 yuan (万元); decimals allowed.',
      ),
    },
    { additionalProperties: false, title: '收费金额', description: 'The row of the 第二十条第（八）项 table (2021).' },
  ),
)

export const ProactiveDisclosure2021 = define(
  'ProactiveDisclosure2021',
  Type.Object(
    {
      rulesAndNormativeDocuments: Type.Object(
        {
          rules: labelled(DocumentCounts2021, '规章', 'Rules (规章) made by the agency.'),
          normativeDocuments: labelled(
            DocumentCounts2021,
            '行政规范性文件',
            'Administrative normative documents (行政规范性文件).',
          ),
        },
        { additionalProperties: false, title: '第二十条第（一）项', description: 'Rules and normative documents.' },
      ),
      licensing: Type.Object(
        {
          administrativeLicensing: labelled(DecisionCount2021, '行政许可', 'Administrative licensing decisions.'),
        },
        { additionalProperties: false, title: '第二十条第（五）项', description: 'Administrative licensing.' },
      ),
      enforcement: Type.Object(
        {
          administrativePenalty: labelled(DecisionCount2021, '行政处罚', 'Administrative penalty decisions.'),
          administrativeCoercion: labelled(DecisionCount2021, '行政强制', 'Administrative coercion decisions.'),
        },
        { additionalProperties: false, title: '第二十条第（六）项', description: 'Administrative penalties and coercion.' },
      ),
      fees: Type.Object(
        {
          administrativeFees: labelled(
            FeeAmount2021,
            '行政事业性收费',
            'Administrative and institutional fees charged by the agency (not the 信息处理费 of section 六).',
          ),
        },
        { additionalProperties: false, title: '第二十条第（八）项', description: 'Administrative fees.' },
      ),
      notes: notes(),
    },
    { additionalProperties: false, title: SECTION_TITLE, description: 'Section 二 of the 2021 template.' },
  ),
)

// ---- 2019 template (国办公开办函〔2019〕60号) ----

const DocumentCounts2019 = define(
  'DocumentCounts2019',
  Type.Object(
    {
      newlyMade: count('本年新制作数量', 'Documents of this kind made during the year.'),
      newlyPublished: count('本年新公开数量', 'Documents of this kind made public during the year.'),
      totalPublished: count('对外公开总数量', 'Documents of this kind made public in total (historical).'),
    },
    { additionalProperties: false, title: '制作和公开数量', description: 'A row of the 第二十条第（一）项 table (2019).' },
  ),
)

const previousYearItems = count('上一年项目数量', 'Number of items (事项) at the end of the previous year.')
const changeThisYear = signedCount('本年增/减', 'Change in the number of items during the year; signed, printed "+3" or "-18".')

const ItemCounts2019 = define(
  'ItemCounts2019',
  Type.Object(
    {
      previousYearItems,
      changeThisYear,
      decisions: count('处理决定数量', 'Decisions made during the year.'),
    },
    { additionalProperties: false, title: '项目和处理决定数量', description: 'A row of the 第二十条第（五）/（六）项 tables (2019).' },
  ),
)

const FeeItems2019 = define(
  'FeeItems2019',
  Type.Object(
    { previousYearItems, changeThisYear },
    { additionalProperties: false, title: '收费项目数量', description: 'The row of the 第二十条第（八）项 table (2019).' },
  ),
)

const Procurement2019 = define(
  'Procurement2019',
  Type.Object(
    {
      projects: count('采购项目数量', 'Number of centralized government procurement projects.'),
      totalAmountTenThousandYuan: amount(
        '采购总金额',
        'Total procurement amount in units of 10,000 yuan (万元); the template prints no unit, amounts printed in 元 are converted.',
      ),
    },
    { additionalProperties: false, title: '采购数量和金额', description: 'The row of the 第二十条第（九）项 table (2019).' },
  ),
)

export const ProactiveDisclosure2019 = define(
  'ProactiveDisclosure2019',
  Type.Object(
    {
      rulesAndNormativeDocuments: Type.Object(
        {
          rules: labelled(DocumentCounts2019, '规章', 'Rules (规章) made by the agency.'),
          normativeDocuments: labelled(DocumentCounts2019, '规范性文件', 'Normative documents (规范性文件).'),
        },
        { additionalProperties: false, title: '第二十条第（一）项', description: 'Rules and normative documents.' },
      ),
      licensing: Type.Object(
        {
          administrativeLicensing: labelled(ItemCounts2019, '行政许可', 'Administrative licensing.'),
          otherExternalServices: labelled(
            ItemCounts2019,
            '其他对外管理服务事项',
            'Other external administration and service items.',
          ),
        },
        { additionalProperties: false, title: '第二十条第（五）项', description: 'Administrative licensing and other services.' },
      ),
      enforcement: Type.Object(
        {
          administrativePenalty: labelled(ItemCounts2019, '行政处罚', 'Administrative penalties.'),
          administrativeCoercion: labelled(ItemCounts2019, '行政强制', 'Administrative coercion.'),
        },
        { additionalProperties: false, title: '第二十条第（六）项', description: 'Administrative penalties and coercion.' },
      ),
      fees: Type.Object(
        {
          administrativeFees: labelled(FeeItems2019, '行政事业性收费', 'Administrative and institutional fee items.'),
        },
        { additionalProperties: false, title: '第二十条第（八）项', description: 'Administrative fees.' },
      ),
      procurement: Type.Object(
        {
          centralizedProcurement: labelled(Procurement2019, '政府集中采购', 'Centralized government procurement.'),
        },
        { additionalProperties: false, title: '第二十条第（九）项', description: 'Government procurement.' },
      ),
      notes: notes(),
    },
    { additionalProperties: false, title: SECTION_TITLE, description: 'Section 二 of the 2019 template.' },
  ),
)
