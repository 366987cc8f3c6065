package io.callintel.server.store;

import io.callintel.core.store.BlobStore;

/** A blob store opened at a {@link BlobLocation}, to be closed when done (an object store's client holds connections). */
public interface ClosableBlobStore extends BlobStore, AutoCloseable {

    @Override
    void close();
}
