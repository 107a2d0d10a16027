/**
 * The toolbar popup's script, bundled as one ES module that public/popup.html loads (wxt.config.ts builds it apart
 * from the other pages). An extension page pays a few milliseconds for every file it fetches, and the module graph of
 * an HTML entrypoint is a dozen chunks: as one file the popup opens about a third sooner. The forms it uses less
 * often are `import()`ed when first shown (components/load-when-used.tsx).
 */
import { mountPopup } from './popup/main';

export default defineUnlistedScript(() => mountPopup());
