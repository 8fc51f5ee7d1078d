/**
 * A report as a form: react-jsonschema-form (rjsf 6) with the package's form schema and layout hints.
 * Open index.html?report=some-report.json to edit a report (no parameter: an empty 2021 form; ?template=2019 for
 * the older template). Submitting shows the report as JSON, or the errors in Chinese.
 *
 * Bundle it with esbuild: esbuild app.jsx --bundle --jsx=automatic --outfile=app.js
 */
import { createRoot } from 'react-dom/client'
import Form from '@rjsf/core'
import { englishStringTranslator, TranslatableString } from '@rjsf/utils'
import { customizeValidator } from '@rjsf/validator-ajv8'
import Ajv2020 from 'ajv/dist/2020.js'
import localizeZh from 'ajv-i18n/localize/zh/index.js'
import { FORM_CSS, FORM_DEFAULT_BEHAVIOR, formSchema, formUiSchema } from 'zfxxgk-report/form'

// The layout: each row of an official table on one line (a constructed sheet, which a strict style-src allows).
const sheet = new CSSStyleSheet()
sheet.replaceSync(FORM_CSS)
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]

// The schema is JSON Schema 2020-12, so rjsf's AJV 8 validator needs AJV's 2020 class; messages in Chinese.
const validator = customizeValidator({ AjvClass: Ajv2020 }, localizeZh)

// rjsf's own words (buttons, yes/no) in Chinese; the rest as rjsf says them.
const CHINESE = {
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.ErrorsLabel]: '错误',
  [TranslatableString.AddItemButton]: '添加',
  [TranslatableString.AddButton]: '添加',
  [TranslatableString.RemoveButton]: '删除',
  [TranslatableString.MoveUpButton]: '上移',
  [TranslatableString.MoveDownButton]: '下移',
  [TranslatableString.CopyButton]: '复制',
  [TranslatableString.EmptyArray]: '暂无条目，可用下方按钮添加。',
  [TranslatableString.OptionalObjectAdd]: '填写此项',
  [TranslatableString.OptionalObjectRemove]: '不填此项',
}
const translateString = (string, params) => (CHINESE[string] === undefined ? englishStringTranslator(string, params) : CHINESE[string])

async function start() {
  const params = new URLSearchParams(location.search)
  const report = params.has('report') ? await (await fetch(params.get('report'))).json() : undefined
  const template = report?.template ?? params.get('template') ?? '2021'
  const output = document.getElementById('submitted')
  createRoot(document.getElementById('form')).render(
    <Form
      schema={formSchema(template)}
      uiSchema={{ ...formUiSchema(template), 'ui:submitButtonOptions': { submitText: '检查并提交' } }}
      validator={validator}
      translateString={translateString}
      formData={report}
      showErrorList="top"
      // AJV's messages, in Chinese, rather than the browser's own checks of the inputs.
      noHtml5Validate
      // Nothing the report does not say is filled in (rjsf would add absent parts with defaults).
      experimental_defaultFormStateBehavior={FORM_DEFAULT_BEHAVIOR}
      onSubmit={({ formData }) => {
        output.textContent = JSON.stringify(formData, null, 2)
      }}
      onError={() => {
        output.textContent = ''
      }}
    />,
  )
}

start()
