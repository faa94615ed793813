// The part of pngjs (a dependency of qrcode) that scripts/make-tab-icons.ts uses.
declare module 'pngjs' {
  export class PNG {
    constructor(options: { width: number; height: number })
    data: Buffer
    static sync: { write(png: PNG): Buffer }
  }
}
