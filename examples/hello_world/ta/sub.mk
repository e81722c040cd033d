global-incdirs-y += include
srcs-y += hello_world_ta.c

# Per-file flags go in cflags-<file>-y, e.g.:
# cflags-hello_world_ta.c-y += -Wno-strict-prototypes
