/* Decap CMS starts by itself when loaded; the observatory's admin.js starts it instead,
   once its file formats and backends are registered. */
window.CMS_MANUAL_INIT = true;
