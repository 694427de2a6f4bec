// casegrid: this file replaces Camunda's default configuration of the app (it comes first on the class path).
// Chinese is the default: a browser asking for English gets English, any other language Chinese. zh.json is built by
// io.casegrid.webapps.WebappLocales from src/main/resources/webapp-locales/zh/.
export default {
  app: {
    vendor: 'casegrid'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
