// Opens an exported workbook: a new tab on H5, the document viewer in the mini-program.
import Taro from '@tarojs/taro'

/** Opens the XLSX file at `url` for reading or sharing. */
export async function openXlsx(url: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank')
    return
  }
  const { tempFilePath } = await Taro.downloadFile({ url })
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
}
