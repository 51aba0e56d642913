"""One page per section of the configuration, each built over the shared :class:`Binder`."""
