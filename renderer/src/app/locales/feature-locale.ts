// The locale helpers live with the vocabulary, which the printed forms and the export worker
// import without the UI; features keep importing them from here.
export { featureLocale, type Leaves } from '../../vocabulary/locale-kit';
