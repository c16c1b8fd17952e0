import { benchPageConfig } from './vite.page-config.ts';

export default benchPageConfig('idb');
