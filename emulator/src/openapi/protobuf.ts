// The protobuf messages of wx.openApi, with the field numbers of wx-server-sdk 4.0.2's generated code.
import * as protobuf from 'protobufjs'

const root = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: {
      fields: {
        key: { type: 'string', id: 1 },
        value: { type: 'bytes', id: 2 },
        contenttype: { type: 'string', id: 3 },
        filename: { type: 'string', id: 4 },
      },
    },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: {
      fields: {
        apiType: { type: 'int32', id: 1 },
        openapiData: { type: 'OpenApiData', id: 2 },
        appid: { type: 'string', id: 6 },
      },
    },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
      },
    },
  },
})

const CommApiData = root.lookupType('CommApiData')
const CommOpenApiResp = root.lookupType('CommOpenApiResp')

/** Decodes the SDK's requestData into the API's parameters (each value is JSON). */
export function decodeOpenApiRequest(bytes: Buffer): {
  params: Record<string, unknown>
  appid: string
} {
  const msg = CommApiData.toObject(CommApiData.decode(bytes), { defaults: true }) as {
    appid: string
    openapiData?: { pairs?: Array<{ key: string; value: Uint8Array; filename?: string }> }
  }
  const params: Record<string, unknown> = {}
  for (const pair of msg.openapiData?.pairs ?? []) {
    const text = Buffer.from(pair.value).toString('utf8')
    if (pair.filename) params[pair.key] = { filename: pair.filename }
    else {
      try {
        params[pair.key] = JSON.parse(text)
      } catch {
        params[pair.key] = text
      }
    }
  }
  return { params, appid: msg.appid }
}

/** Encodes an API answer the way the SDK decodes it. */
export function encodeOpenApiResponse(respData: Buffer, contentType: string): Buffer {
  return Buffer.from(
    CommOpenApiResp.encode(
      CommOpenApiResp.create({ respData, contentType, errorCode: 0, httpCode: 200 }),
    ).finish(),
  )
}
