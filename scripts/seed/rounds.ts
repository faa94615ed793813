// The demo's inspection checklists (eight templates, version 1) and a couple of scheduled rounds.
import type { Grade } from '../../types/grade'

type Item = [text: string, howTo: string, categoryId: string, grade?: Grade, photo?: boolean]
type Sections = Array<[title: string, items: Item[]]>

const TEMPLATES: Array<[id: string, name: string, sections: Sections]> = [
  [
    'tpl-fire',
    '消防通道与疏散',
    [
      [
        '疏散通道',
        [
          [
            '疏散通道畅通无堆物',
            '沿疏散路线走一遍，通道内无推车、纸箱、病床等占用',
            'fire-exit',
            'major',
          ],
          [
            '安全出口门可从内侧推开',
            '推拉每一扇安全出口门，不得上锁、捆扎或被遮挡',
            'fire-exit',
            'major',
          ],
          ['常闭式防火门保持关闭', '防火门闭门器完好，未被木楔、杂物撑开', 'fire-exit'],
        ],
      ],
      [
        '标识与照明',
        [
          ['疏散指示标志完好有效', '标志灯常亮、方向正确，无遮挡、无破损', 'fire-equipment'],
          ['应急照明灯完好', '按下测试按钮，应急灯能亮起', 'fire-equipment'],
        ],
      ],
      [
        '消防设施',
        [
          [
            '灭火器在位且压力正常',
            '压力表指针在绿区，铅封完好，在检验有效期内',
            'fire-equipment',
            'general',
            true,
          ],
          ['消火栓箱无遮挡、器材齐全', '箱门能打开，水带、水枪、按钮齐全', 'fire-equipment'],
        ],
      ],
    ],
  ],
  [
    'tpl-electric',
    '电气安全',
    [
      [
        '线路与插座',
        [
          ['无私拉乱接电线', '查看墙面、吊顶及桌下，无临时拉线、无裸露接头', 'electrical', 'major'],
          ['不使用多个插线板串接', '插线板未串接，未放置在地面潮湿处', 'electrical'],
          ['插座、开关面板无破损发热', '手背轻触面板无明显发热，无焦痕', 'electrical'],
        ],
      ],
      [
        '配电设施',
        [
          ['配电箱关闭上锁，前方无堆物', '配电箱门关闭，箱前 0.8 米内无杂物', 'electrical'],
          ['无违规使用大功率电器', '病区、办公室无电热毯、热得快、电炉等', 'electrical', 'major'],
        ],
      ],
    ],
  ],
  [
    'tpl-gas',
    '氧气与燃气',
    [
      [
        '氧气',
        [
          [
            '氧气瓶固定放置、远离火源',
            '氧气瓶有防倒链或支架，5 米内无明火、无油脂',
            'gas-oxygen',
            'major',
            true,
          ],
          ['空瓶、满瓶分区存放并有标识', '空瓶与满瓶分开，挂有“空瓶/满瓶”牌', 'gas-oxygen'],
          ['中心供氧终端无漏气', '听有无嘶嘶声，湿化瓶连接紧密', 'gas-oxygen'],
        ],
      ],
      [
        '燃气',
        [
          [
            '燃气管道、阀门无泄漏异味',
            '闻有无燃气味，必要时用肥皂水检查接口',
            'gas-oxygen',
            'major',
          ],
          ['燃气报警器工作正常', '指示灯正常，在检定有效期内', 'gas-oxygen'],
        ],
      ],
    ],
  ],
  [
    'tpl-waste',
    '医疗废物',
    [
      [
        '分类与包装',
        [
          ['医疗废物与生活垃圾分开', '黄色袋装医疗废物，黑色袋装生活垃圾，无混装', 'medical-waste'],
          ['损伤性废物放入利器盒', '针头、刀片入利器盒，不超过容积 3/4', 'medical-waste'],
          ['包装袋、容器标签完整', '标明科室、日期、类别', 'medical-waste'],
        ],
      ],
      [
        '暂存与交接',
        [
          ['暂存点加锁、防渗漏', '暂存间上锁，地面无渗漏，有防鼠防蚊措施', 'medical-waste'],
          ['交接登记完整', '交接登记本有重量、时间、双方签名', 'medical-waste'],
        ],
      ],
    ],
  ],
  [
    'tpl-floor',
    '地面与防滑',
    [
      [
        '地面',
        [
          ['地面干燥无积水', '卫生间、开水间、走廊无积水油污', 'wet-floor'],
          ['湿滑区域有警示标识', '拖地或渗水处放置“小心地滑”牌', 'wet-floor'],
          ['地面平整、地砖无破损翘起', '无松动、翘起、缺角，防滑条完好', 'wet-floor'],
        ],
      ],
      ['漏水', [['天花板、管道无渗漏', '抬头查看吊顶有无水渍，管道接口有无滴水', 'water-leak']]],
    ],
  ],
  [
    'tpl-elevator',
    '电梯',
    [
      [
        '运行',
        [
          ['电梯运行平稳、平层准确', '乘坐一次，无异响、无抖动，停靠平层', 'elevator', 'major'],
          ['轿厢内紧急呼叫可接通', '按下对讲按钮，值班室能应答', 'elevator', 'major'],
        ],
      ],
      [
        '证照与环境',
        [
          [
            '检验合格证在有效期内并张贴',
            '轿厢内张贴《特种设备使用标志》，在有效期内',
            'elevator',
            'general',
            true,
          ],
          ['厅门、轿门无杂物卡阻', '门槛槽内无杂物，门开关顺畅', 'elevator'],
        ],
      ],
    ],
  ],
  [
    'tpl-chem',
    '危化品',
    [
      [
        '存放',
        [
          [
            '危化品专柜存放、双人双锁',
            '易燃、腐蚀品分柜存放，柜门上锁，钥匙双人保管',
            'hazardous-chemicals',
            'major',
          ],
          ['存放量不超过当日用量', '对照领用记录，现场存量合理', 'hazardous-chemicals'],
          ['容器标签清晰、无泄漏', '每个容器有品名和危险标识，无破损渗漏', 'hazardous-chemicals'],
        ],
      ],
      [
        '管理',
        [
          ['安全技术说明书（MSDS）可查', '现场能找到所存危化品的 MSDS', 'hazardous-chemicals'],
          ['领用登记台账完整', '台账记录品名、数量、领用人、日期', 'hazardous-chemicals'],
        ],
      ],
    ],
  ],
  [
    'tpl-6s',
    '6S 管理',
    [
      [
        '整理 整顿',
        [
          ['区域内无长期不用的杂物', '走廊、治疗室、库房无废弃设备和杂物', 'other'],
          ['物品定点定位、标识清楚', '物品按定位线和标识摆放，取用方便', 'other'],
        ],
      ],
      [
        '清扫 清洁',
        [
          ['台面、地面、设备表面清洁', '目视无灰尘、污渍，垃圾桶及时清理', 'other'],
          ['高处物品放置牢固', '柜顶、窗台无易坠落物品', 'falling-object'],
        ],
      ],
      [
        '素养 安全',
        [
          ['员工了解本岗位安全要求', '随机询问一名员工灭火器位置和报警电话', 'other'],
          ['安全警示标识齐全', '配电、氧气、危化品处警示标识齐全清晰', 'other'],
        ],
      ],
    ],
  ],
]

/** The eight checklists as version-1 documents. */
export function roundTemplates(createdAt: Date): Array<Record<string, unknown>> {
  return TEMPLATES.map(([templateId, name, sections]) => {
    let n = 0
    return {
      _id: `${templateId}:v1`,
      templateId,
      version: 1,
      name,
      sections: sections.map(([title, items]) => ({
        title,
        items: items.map(([text, howTo, categoryId, grade = 'general', photo = false]) => ({
          id: `i${++n}`,
          text,
          howTo,
          categoryId,
          grade,
          photoRequired: photo,
        })),
      })),
      retired: false,
      current: true,
      createdAt,
      createdBy: 'u-safety-1',
      createdByName: '安全办',
    }
  })
}

/** Two scheduled rounds: the demo building's monthly fire round, and an electrical round. */
export function demoRounds(
  floorsOf: (buildingId: string) => Array<{ id: string; name: string }>,
  buildingName: (buildingId: string) => string,
  names: (userId: string) => string,
  createdAt: Date,
): Array<Record<string, unknown>> {
  const round = (
    _id: string,
    buildingId: string,
    templateId: string,
    templateName: string,
    leaderId: string,
    participantIds: string[],
    date: string,
    recurrence: string,
  ) => {
    const floors = floorsOf(buildingId)
    return {
      _id,
      seriesId: _id,
      status: 'scheduled',
      buildingId,
      buildingName: buildingName(buildingId),
      floors,
      allFloors: true,
      floorIds: floors.map((f) => f.id),
      templateId,
      templateName,
      templateVersion: null,
      leaderId,
      leaderName: names(leaderId),
      participants: participantIds.map((id) => ({ id, name: names(id) })),
      participantIds,
      date,
      recurrence,
      startedAt: null,
      finishedAt: null,
      remindedAt: null,
      createdBy: 'u-safety-1',
      createdAt,
      updatedAt: createdAt,
    }
  }
  return [
    round(
      'demo-round-b07-fire',
      'B07',
      'tpl-fire',
      '消防通道与疏散',
      'u-bc-B07',
      ['u-leader-1', 'u-co-B07-1'],
      '2026-11-26',
      'monthly',
    ),
    round(
      'demo-round-b01-electric',
      'B01',
      'tpl-electric',
      '电气安全',
      'u-safety-1',
      ['u-leader-1'],
      '2026-11-27',
      'none',
    ),
  ]
}
