// casegrid: this file replaces Camunda's default configuration of Tasklist (it comes first on the class path).
// Chinese is the default: a browser asking for English gets English, any other language Chinese. zh.json is built by
// io.casegrid.webapps.WebappLocales from src/main/resources/webapp-locales/zh/. Field staff see only the tasks of
// their groups and place (io.casegrid.webapps.TasklistScope, docs/tasklist.md).
export default {
  app: {
    name: '待办任务',
    vendor: 'casegrid'
  },
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY年M月D日 dddd HH:mm'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // a field worker's phone has no keyboard shortcuts to learn; these are the defaults, described in Chinese
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '跳到第一个筛选器'},
    focusList: {key: 'ctrl+alt+l', description: '跳到任务列表的第一个任务'},
    focusForm: {key: 'ctrl+alt+f', description: '跳到任务表单的第一个输入框'},
    startProcess: {key: 'ctrl+alt+p', description: '打开发起流程对话框'}
  }
};
