import { hqMidnightSuite } from './daily-report-midnight-suite';

hqMidnightSuite('server in the test process’s own time zone');
