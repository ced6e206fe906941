/** The permits' dispatch side (issue 21): permits on jobs, standing permits, the day's figures, the outlived-permit alert. */
export default {
  links: {
    cargo: {
      EPIDEMIC_SUPPLIES: '防疫物资',
      DAILY_NECESSITIES: '生活必需品',
      COAL: '煤炭',
      FUEL: '油料',
      PRODUCTION_MATERIALS: '生产物资',
    },
    outlivedReasons: {
      REVOKED: '通行证已被吊销',
      ENDED: '通行证已到期',
      ENDS_BEFORE_JOB: '通行证在任务预计结束前到期',
      ENDS_SOON: '任务已超时，通行证即将到期',
    },
    standing: {
      label: '长期通行证',
      none: '无长期通行证',
      validUntil: '有效至 {until}',
      expired: '已失效',
      grant: '配发长期通行证',
      change: '更换',
      withdraw: '收回',
      withdrawConfirm: '收回 {plate} 的长期通行证 {number}？通行证本身仍然有效。',
      granted: '已为 {plate} 配发长期通行证 {number}',
      withdrawn: '已收回 {plate} 的长期通行证',
      noChoices: '该车牌没有有效的通行证',
    },
    attach: {
      button: '关联通行证',
      change: '更换通行证',
      title: '为 {plate} 关联通行证（调度单 {orderNumber}）',
      permit: '通行证',
      expectedEnd: '任务预计结束',
      expectedEndHint: '不填则按出发后 8 小时计',
      noChoices: '该车没有适用于本次货物的有效通行证',
      notCovering: '有效期未覆盖整个任务',
      attached: '已为 {plate} 关联通行证 {number}',
      onJob: '通行证 {number}，有效至 {until}',
      none: '未关联通行证',
    },
    overlap: {
      title: '通行证重叠',
      message: '{message}',
      reason: '重叠理由',
      confirm: '确认重叠',
    },
    figures: {
      title: '通行证统计',
      day: '日期',
      requested: '申请',
      approved: '批准',
      rejected: '驳回',
      medianReview: '审核用时中位数（分钟）',
      byCargo: '按货物类别',
      cargoKind: '货物类别',
      empty: '当日没有通行证申请或审核',
      minutes: '{n} 分钟',
    },
  },
  alertRules: {
    permitOutlivedByJob: {
      title: '在途任务通行证不足',
      message:
        '{plate}（调度单 {orderNumber}）：{permitOutlivedReason}。通行证 {permitNumber} 有效至 {permitEndsAt}，任务预计结束 {expectedEndAt}',
    },
  },
};
