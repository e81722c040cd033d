/* Small helper macros TA sources commonly use (OP-TEE's names). */
#ifndef RAMPART_TA_UTIL_H
#define RAMPART_TA_UTIL_H

#include <compiler.h>
#include <stddef.h>
#include <stdint.h>

#define BIT32(n) (UINT32_C(1) << (n))
#define BIT64(n) (UINT64_C(1) << (n))
#define BIT(n) BIT32(n)

#define SHIFT_U32(v, s) ((uint32_t)(v) << (s))
#define SHIFT_U64(v, s) ((uint64_t)(v) << (s))

#define GENMASK_32(h, l) ((UINT32_MAX << (l)) & (UINT32_MAX >> (31 - (h))))
#define GENMASK_64(h, l) ((UINT64_MAX << (l)) & (UINT64_MAX >> (63 - (h))))

#define MAX(a, b)                                                              \
	(__extension__({                                                       \
		__typeof__(a) _ma = (a);                                       \
		__typeof__(b) _mb = (b);                                       \
		_ma > _mb ? _ma : _mb;                                         \
	}))
#define MIN(a, b)                                                              \
	(__extension__({                                                       \
		__typeof__(a) _na = (a);                                       \
		__typeof__(b) _nb = (b);                                       \
		_na < _nb ? _na : _nb;                                         \
	}))

/* Round up/down to a multiple of size, a power of two. */
#define ROUNDUP(v, size)                                                       \
	(((v) + ((__typeof__(v))(size)-1)) & ~((__typeof__(v))(size)-1))
#define ROUNDDOWN(v, size) ((v) & ~((__typeof__(v))(size)-1))
#define DIV_ROUND_UP(x, y) (((x) + (y)-1) / (y))
#define IS_ALIGNED(x, a) (((x) & ((a)-1)) == 0)
#define IS_POWER_OF_TWO(x) (((x) != 0) && (((x) & (~(x) + 1)) == (x)))

#define ARRAY_SIZE(x) (sizeof(x) / sizeof((x)[0]))

#define container_of(ptr, type, member)                                        \
	((type *)(void *)((char *)(ptr)-offsetof(type, member)))

#define ADD_OVERFLOW(a, b, res) __compiler_add_overflow((a), (b), (res))
#define SUB_OVERFLOW(a, b, res) __compiler_sub_overflow((a), (b), (res))
#define MUL_OVERFLOW(a, b, res) __compiler_mul_overflow((a), (b), (res))

#endif
