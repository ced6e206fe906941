import 'element-plus/dist/index.css';
import './styles.css';
import urql from '@urql/vue';
import { createApp } from 'vue';
import App from './App.vue';
import { applyDocumentLocale, i18n } from './i18n';
import { reportError } from './report-error';
import { router } from './router';
import { urqlClient } from './urql-client';

const app = createApp(App);
app.use(i18n);
app.use(router);
app.use(urql, urqlClient);
// Anything a component did not handle ends in the one reporting helper, not a blank page.
app.config.errorHandler = (error) => reportError(error);
applyDocumentLocale();
app.mount('#app');
