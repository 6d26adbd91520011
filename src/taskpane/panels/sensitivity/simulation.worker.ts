/**
 * The simulation's Web Worker (a separate webpack chunk, created by `simulation-worker-factory.ts`): answers
 * one `run` request with progress messages and the result (protocol in `simulation-runner.ts`).
 */
import { answerRequest, type WorkerReply, type WorkerRequest } from "./simulation-runner";

/** The worker's global scope, as far as it is used here (tsconfig has the DOM library, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  if (event.data?.kind === "run")
    answerRequest(event.data, (reply, transfer) => scope.postMessage(reply, transfer ?? []));
};
