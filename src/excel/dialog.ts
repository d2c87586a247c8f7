/**
 * The large map's Office dialog window (Office.context.ui.displayDialogAsync, DialogApi 1.2 for messageChild). The
 * dialog page (`map-dialog.html`, beside the pane's page) says "ready"; the pane then sends its messages in order;
 * what the dialog sends back (a point clicked) goes to `onMessage`. See /work notes for why not office-js-helpers.
 */

/** The page of the large map, beside the task pane's page. */
export const MAP_DIALOG_PAGE = "map-dialog.html";

/** The message the dialog page sends once it listens. */
export const DIALOG_READY = "ready";

/**
 * Opens the dialog (85 % of the screen); resolves to a function that closes it.
 *
 * @throws Error with Office's message when the dialog cannot open (e.g. one is open already)
 */
export function openDialog(messages: readonly string[], onMessage: (message: string) => void, onClosed: () => void = () => undefined): Promise<() => void> {
  const url = new URL(MAP_DIALOG_PAGE, window.location.href).href;
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 85, width: 85, displayInIframe: true }, (result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        reject(new Error(result.error.message));
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        const message = "message" in arg ? arg.message : "";
        if (message === DIALOG_READY) for (const m of messages) dialog.messageChild(m);
        else onMessage(message);
      });
      // 12006: the user closed the window.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => onClosed());
      resolve(() => dialog.close());
    });
  });
}

/** In the dialog page: calls `onMessage` with each message the pane sends, then tells the pane it is ready. */
export async function listenToParent(onMessage: (message: string) => void): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    Office.context.ui.addHandlerAsync(
      Office.EventType.DialogParentMessageReceived,
      (arg: { message: string }) => onMessage(arg.message),
      (result) => (result.status === Office.AsyncResultStatus.Failed ? reject(new Error(result.error.message)) : resolve())
    )
  );
  Office.context.ui.messageParent(DIALOG_READY);
}

/** In the dialog page: sends a message to the pane. */
export function sendToParent(message: string): void {
  Office.context.ui.messageParent(message);
}
