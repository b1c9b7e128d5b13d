// The hub's signed documents (the catalog, revocation lists, a pack's manifest and publisher
// certificate with their signatures): small, read whole in one request, capped in size, and
// taken gzipped when the hub offers it. An answer that is not the hub's (a captive portal's
// page) is told apart from a broken hub.
import { HubFailure } from './hub-failure';
import { isSuccess, type HubConnection } from './hub-request';

export interface HubDocuments {
  /** A JSON document as text; refused (`notJson`) when something else answered. */
  getText(path: string, maxBytes: number): Promise<string>;
  /** A document's exact bytes (a signature, a manifest), as signed. */
  getBytes(path: string, maxBytes: number): Promise<Buffer>;
}

export function hubDocuments(connection: HubConnection): HubDocuments {
  async function readLimited(path: string, maxBytes: number, json: boolean): Promise<Buffer> {
    // Documents may come gzipped (a manifest shrinks several times); the signatures are
    // checked on the bytes after decompressing, which are the signed ones.
    const { response, stall } = await connection.request(path, {}, true);
    try {
      if (response.status === 404) throw new HubFailure('notFound', { path });
      if (!isSuccess(response)) throw new HubFailure('serverError', { status: response.status, path });
      const type = response.header('content-type') ?? '';
      if (json && /text\/html/i.test(type)) throw new HubFailure('notJson', { path });
      if (!/^(|identity|gzip|x-gzip|deflate)$/i.test((response.header('content-encoding') ?? '').trim()))
        throw new HubFailure('notJson', { path });
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of response.body) {
        stall.touch();
        total += (chunk as Buffer).length;
        if (total > maxBytes) throw new HubFailure('notJson', { path });
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks);
    } catch (error) {
      throw connection.failure(error, stall);
    } finally {
      stall.stop();
      // An answer not read to its end holds its connection: let it go.
      response.release();
    }
  }

  return {
    async getText(path, maxBytes) {
      const text = (await readLimited(path, maxBytes, true)).toString('utf8');
      // A portal or proxy answering with its own page instead of the hub's JSON.
      if (!/^\s*[[{]/.test(text)) throw new HubFailure('notJson', { path });
      return text;
    },
    getBytes: (path, maxBytes) => readLimited(path, maxBytes, false),
  };
}
