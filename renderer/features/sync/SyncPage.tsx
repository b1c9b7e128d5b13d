import { PackManager } from '../packs/PackManager';
import { HubPanel } from './HubPanel';

export function SyncPage() {
  return (
    <div className="sync-page">
      <HubPanel />
      <PackManager />
    </div>
  );
}
