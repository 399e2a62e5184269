package dev.sppo.trainer.store;

import dev.sppo.contracts.store.StoreEntry;
import dev.sppo.trainer.api.ResourceNotFoundException;
import dev.sppo.trainer.checkpoint.CheckpointStore;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The checkpoint store's API for the other services ({@code http:} store): a policy checkpoint or a learned
 * preference model by id, described by its manifest, and its files as a zip archive. Like every backend route it
 * needs the service key; the gateway does not route it.
 */
@RestController
@RequestMapping("/store/entries")
public class StoreController {

    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final StoreEntries entries;
    private final CheckpointStore store;

    public StoreController(StoreEntries entries, CheckpointStore store) {
        this.entries = entries;
        this.store = store;
    }

    /** Its manifest (every file, size and SHA-256) and the manifest digest recorded when it was written. */
    @GetMapping("/{id}")
    public StoreEntry get(@PathVariable String id) {
        return entries.describe(find(id));
    }

    /** Its files, at the archive's root. */
    @GetMapping("/{id}/archive")
    public ResponseEntity<StreamingResponseBody> archive(@PathVariable String id) {
        StoreEntries.Located entry = find(id);
        return ResponseEntity.ok().contentType(ZIP).body(out -> store.writeArchive(entry.uri(), out));
    }

    private StoreEntries.Located find(String id) {
        return entries.find(id).orElseThrow(() -> new ResourceNotFoundException("store entry", id));
    }
}
