/** The state of one call to the bridge, as the UI shows it. */
import { bridge, describeFailure, type BridgeFailure } from './bridge';
import type { SafeguardBridge } from '../../src/api/contract';

export type Loadable<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; failure: BridgeFailure };

/** Runs one bridge call; never rejects, so callers need no error path of their own. */
export async function load<T>(call: (api: SafeguardBridge) => Promise<T>): Promise<Loadable<T>> {
  try {
    return { state: 'ready', value: await call(bridge()) };
  } catch (error) {
    return { state: 'failed', failure: describeFailure(error) };
  }
}
