// Files in the admin pages: pick and upload a roster spreadsheet, open a generated file.
import Taro from '@tarojs/taro'
import { ApiError } from '../../services'
import { storeBrowserRoster } from '../../services/browser-files'

/** Lets the admin pick an .xlsx/.csv file and uploads it; resolves with its cloud:// id, or '' when cancelled. */
export async function pickAndUploadRoster(): Promise<{ fileID: string; name: string } | null> {
  if (process.env.TARO_ENV === 'weapp') {
    let picked: { path: string; name: string }
    try {
      const res = await Taro.chooseMessageFile({
        count: 1,
        type: 'file',
        extension: ['xlsx', 'csv'],
      })
      picked = res.tempFiles[0]
    } catch {
      return null
    }
    try {
      const ext = picked.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx'
      const res = await Taro.cloud.uploadFile({
        cloudPath: `rosters/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.${ext}`,
        filePath: picked.path,
      })
      return { fileID: res.fileID, name: picked.name }
    } catch {
      throw new ApiError('network', '文件上传失败，请检查网络后重试')
    }
  }
  const file = await new Promise<File | null>((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept =
      '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'
    input.className = 'admin-file-input'
    input.style.display = 'none'
    input.onchange = () => resolve(input.files?.[0] ?? null)
    document.body.appendChild(input)
    input.click()
    setTimeout(() => input.remove(), 60_000)
  })
  if (!file) return null
  const ext = file.name.toLowerCase().endsWith('.csv') ? '.csv' : '.xlsx'
  try {
    return { fileID: await storeBrowserRoster(file, ext), name: file.name }
  } catch (error) {
    if (error instanceof ApiError && error.code !== 'network') throw error
    throw new ApiError('network', '文件上传失败，请检查文件大小后重试')
  }
}

/** Opens a generated file (PDF poster, roster export) for viewing, printing or sharing. */
export async function openFile(url: string, fileType: 'pdf' | 'xlsx' | 'csv'): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.downloadFile({ url })
    await Taro.openDocument({
      filePath: res.tempFilePath,
      fileType: fileType === 'csv' ? 'xlsx' : fileType,
      showMenu: true,
    } as Taro.openDocument.Option)
    return
  }
  window.open(url, '_blank')
}
