// Chinese messages for zod's validation issues: the text reaches nurses and porters, not developers.
import { z, ZodIssueCode, type ZodErrorMap } from 'zod'

const zhErrorMap: ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case ZodIssueCode.invalid_type:
      return { message: issue.received === 'undefined' ? '必填' : `类型应为 ${issue.expected}` }
    case ZodIssueCode.too_small:
      if (issue.type === 'string')
        return { message: Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字` }
      if (issue.type === 'array') return { message: `至少 ${issue.minimum} 项` }
      return { message: `不能小于 ${issue.minimum}` }
    case ZodIssueCode.too_big:
      if (issue.type === 'string') return { message: `最多 ${issue.maximum} 个字` }
      if (issue.type === 'array') return { message: `最多 ${issue.maximum} 项` }
      return { message: `不能大于 ${issue.maximum}` }
    case ZodIssueCode.invalid_enum_value:
      return { message: `应为 ${issue.options.join(' / ')} 之一` }
    case ZodIssueCode.invalid_string:
      return { message: '格式不正确' }
    case ZodIssueCode.unrecognized_keys:
      return { message: `不认识的字段：${issue.keys.join('、')}` }
    case ZodIssueCode.invalid_date:
      return { message: '日期不正确' }
    default:
      return { message: ctx.defaultError }
  }
}

/** Makes every zod parse in this process report in Chinese. */
export function installChineseZodMessages(): void {
  z.setErrorMap(zhErrorMap)
}
