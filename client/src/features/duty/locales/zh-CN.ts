export default {
  title: '值班记录',
  lead: '24小时应急值守：接听应急值班电话，做好记录并及时运转，传达指挥部最新指示。',
  duties: {
    d1: '应急值班电话来电登记',
    d2: '来电运转至相关工作小组',
    d3: '交接班与排班表',
    d4: '不得空岗脱岗：在岗签到与告警',
  },
  alertRules: {
    dutyForwardUnacknowledged: {
      title: '来电运转未签收',
      message: '值班记录 {number} 运转已 {minutes} 分钟仍未签收',
    },
  },
};
