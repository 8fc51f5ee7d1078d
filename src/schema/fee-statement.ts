/**
 * The printed form of the structured 信息处理费 statement of section 六, built from the official labels:
 * "信息处理费：是否收取信息处理费：否；收费件数：2；收取金额（元）：200。" Renderers print it, the parser reads it back.
 */
import { labelAt } from './labels.js'
import { report2021Schema } from './published.js'

const FEE = '/otherMatters/informationProcessingFee'
const feeLabel = (field: string) => labelAt(report2021Schema, `${FEE}${field}`)!

export interface FeeStatement {
  charged: boolean
  amountYuan?: number
  cases?: number
}

/** The rendered form of the structured statement: "信息处理费：是否收取信息处理费：否；收费件数：2；收取金额（元）：200。" */
export function renderFeeStatement(fee: FeeStatement): string {
  const parts = [`${feeLabel('/charged')}：${fee.charged ? '是' : '否'}`]
  if (fee.cases !== undefined) parts.push(`${feeLabel('/cases')}：${fee.cases}`)
  if (fee.amountYuan !== undefined) parts.push(`${feeLabel('/amountYuan')}：${fee.amountYuan}`)
  return `${feeLabel('')}：${parts.join('；')}。`
}

export function readFeeStatement(paragraph: string): FeeStatement | undefined {
  const head = `${feeLabel('')}：`
  if (!paragraph.startsWith(head)) return undefined
  const fields = new Map(
    paragraph
      .slice(head.length)
      .replace(/。$/, '')
      .split('；')
      .map((part) => {
        const at = part.lastIndexOf('：')
        return [part.slice(0, at), part.slice(at + 1)] as const
      }),
  )
  const charged = fields.get(feeLabel('/charged'))
  if (charged !== '是' && charged !== '否') return undefined
  const fee: FeeStatement = { charged: charged === '是' }
  const cases = fields.get(feeLabel('/cases'))
  const amount = fields.get(feeLabel('/amountYuan'))
  if (cases !== undefined && /^\d+$/.test(cases)) fee.cases = Number(cases)
  if (amount !== undefined && /^\d+(\.\d+)?$/.test(amount)) fee.amountYuan = Number(amount)
  return fee
}

