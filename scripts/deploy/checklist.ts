// What only a console can do, as a checklist with the values to enter, read from the repository's
// data: subscription templates, the privacy guide, message push, custom login and SMS.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { readFunctionConfig } from '../../emulator/src/functions/pool'
import { loadTemplates } from '../../emulator/src/openapi/templates'
import { listFunctions } from '../build-functions'
import type { RepositoryPaths } from './repository'

const PrivacyGuide = z.object({
  declarations: z.array(z.object({ item: z.string(), purpose: z.string() })),
  text: z.array(z.string()),
})

const Sms = z.object({
  sdkAppId: z.string(),
  signNames: z.array(z.string()).min(1),
  templates: z.array(z.object({ id: z.string(), name: z.string(), content: z.string() })).min(1),
})

/** The console-only steps for an environment, as lines to print. */
export function consoleChecklist(paths: RepositoryPaths, envId: string): string[] {
  const lines: string[] = ['控制台步骤（只能在控制台完成） / Console-only steps:', '']
  lines.push('1. 订阅消息模板（小程序管理后台 → 功能 → 订阅消息），每个模板的标题与字段：')
  for (const t of loadTemplates(paths.databaseDir)) {
    const kind = t.kind === 'long-term' ? '长期订阅' : '一次性订阅'
    const fields = Object.entries(t.fields)
      .map(([key, type]) =>
        t.labels[key] ? `${t.labels[key]}（${key}: ${type}）` : `${key}: ${type}`,
      )
      .join('、')
    lines.push(`   - ${t.title}（${kind}，仓库 id ${t.id}）：${fields}`)
  }
  lines.push(
    '   把控制台发放的模板 id 写入 database/subscribe-templates.json 与 types/api/notify.ts TEMPLATE_IDS。',
  )

  const privacy = PrivacyGuide.parse(
    JSON.parse(readFileSync(join(paths.databaseDir, 'privacy-guide.json'), 'utf8')),
  )
  lines.push('', '2. 用户隐私保护指引（小程序管理后台 → 设置 → 服务内容声明 → 用户隐私保护指引）：')
  for (const d of privacy.declarations) lines.push(`   - ${d.item}：${d.purpose}`)
  lines.push('   指引正文写明：')
  for (const t of privacy.text) lines.push(`   - ${t}`)

  lines.push(
    '',
    `3. 消息推送（云开发控制台 ${envId} → 设置 → 其他设置 → 消息推送，选择“云函数”）：`,
  )
  for (const name of listFunctions(paths.functionsDir)) {
    for (const push of readFunctionConfig(join(paths.functionsDir, name)).messagePush) {
      const event = push.event ? `，事件类型 ${push.event}` : ''
      lines.push(`   - 消息类型 ${push.msgType}${event}，云函数 ${name}`)
    }
  }

  lines.push(
    '',
    `4. 电脑端扫码登录（云开发控制台 ${envId} → 身份认证 → 登录方式）：开启“自定义登录”和“匿名登录”，`,
    '   下载自定义登录私钥，把整个 JSON 填进云函数 signin 的环境变量 CLOUDBASE_CUSTOM_LOGIN_KEY（不进仓库）；',
    '   在 安全配置 → WEB 安全域名 中加入 H5 静态托管的域名。',
  )

  const sms = Sms.parse(JSON.parse(readFileSync(join(paths.databaseDir, 'sms.json'), 'utf8')))
  const template = sms.templates[0]
  // The second template, when registered, lets one text name several hazards.
  const batch = sms.templates[1]
  lines.push(
    '',
    '5. 短信兜底（可选；腾讯云短信控制台注册签名与正文模板，再在云函数 notify 的环境变量中填写）：',
    `   - SMS_SDK_APP_ID = ${sms.sdkAppId}（替换为控制台发放的值）`,
    `   - SMS_SIGN_NAME = ${sms.signNames[0]}`,
    `   - SMS_TEMPLATE_ID = ${template.id}（${template.name}：${template.content}）`,
    ...(batch
      ? [`   - SMS_BATCH_TEMPLATE_ID = ${batch.id}（${batch.name}：${batch.content}）`]
      : []),
    '   - SMS_SECRET_ID / SMS_SECRET_KEY = 仅允许发送短信的 CAM 密钥',
  )
  return lines
}
