global-incdirs-y += include
srcs-y += crypt_ta.c
srcs-y += run.c
srcs-y += misuse.c
srcs-y += misuse_panics.c
srcs-y += misuse_rules.c
srcs-y += misuse_ops.c
srcs-y += kat_data.c
srcs-y += gp11.c
srcs-y += asym.c
srcs-y += asym_misuse.c
srcs-y += asym_kdf_misuse.c
srcs-y += asym_kat_data.c
srcs-y += asym_bench.c
srcs-y += asym_export.c
srcs-y += asym_op.c
# One translation unit with the GP 1.1 prototypes (uint32_t lengths).
cflags-gp11.c-y += -D__OPTEE_CORE_API_COMPAT_1_1=1
