export default {
  title: '交办事项',
  lead: '负责沟通协调、文件运转、人员调配、会议组织承办和指挥部交办事项。',
  duties: {
    d1: '指挥部交办事项的分派与跟踪',
    d2: '文件运转与指令传达',
    d3: '成员单位日报告与零报告（16:00前）',
    d4: '会议组织承办',
  },
  alertRules: {
    documentSignoffOverdue: {
      title: '文件逾期未签收',
      message: '{target} 未在时限内签收文件 {docNumber}《{title}》',
    },
  },
};
