/**
 * The add-in's function file (manifest `<FunctionFile resid="Commands.Url"/>`). SØM has no ribbon commands
 * besides the button that opens the task pane (a ShowTaskpane action, handled by Office), so this page only
 * initialises Office.js. It exists because Excel desktop expects a function file for the ribbon group.
 */
Office.onReady(() => {
  // nothing to register
});
