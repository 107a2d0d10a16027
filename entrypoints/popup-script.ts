/**
 * The toolbar popup's whole script, bundled as one classic file that public/popup.html loads.
 * An extension page pays a few milliseconds for every file it fetches, and the module graph of an
 * HTML entrypoint is a dozen chunks: as one file the popup opens about a third sooner.
 */
import { mountPopup } from './popup/main';

export default defineUnlistedScript(() => mountPopup());
