/*
 * Compiler attribute shorthands TA sources commonly use (OP-TEE's names).
 * GCC/Clang only.
 */
#ifndef RAMPART_TA_COMPILER_H
#define RAMPART_TA_COMPILER_H

#define __unused __attribute__((unused))
#define __maybe_unused __attribute__((unused))
#define __used __attribute__((used))
#define __noreturn __attribute__((noreturn))
#define __packed __attribute__((packed))
#define __aligned(x) __attribute__((aligned(x)))
#define __section(x) __attribute__((section(x)))
#define __weak __attribute__((weak))
#define __pure __attribute__((pure))
#define __const __attribute__((const))
#define __noinline __attribute__((noinline))
#define __always_inline inline __attribute__((always_inline))
#define __must_check __attribute__((warn_unused_result))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define __deprecated __attribute__((deprecated))
#define __nex_data
#define __nex_bss

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#define __compiler_bswap64(x) __builtin_bswap64((x))
#define __compiler_bswap32(x) __builtin_bswap32((x))
#define __compiler_bswap16(x) __builtin_bswap16((x))

/* Overflow-checked arithmetic: true when the result did not fit in *res. */
#define __compiler_add_overflow(a, b, res)                                     \
	__builtin_add_overflow((a), (b), (res))
#define __compiler_sub_overflow(a, b, res)                                     \
	__builtin_sub_overflow((a), (b), (res))
#define __compiler_mul_overflow(a, b, res)                                     \
	__builtin_mul_overflow((a), (b), (res))

#endif
