/*
 * A very small unit-test harness. Each TEST registers itself; the runner
 * prints one "PASS name" / "FAIL name" line per test for tests/run-all.sh.
 */
#ifndef TESTS_UNIT_HARNESS_H
#define TESTS_UNIT_HARNESS_H

#include <stdio.h>

void harness_register(const char *name, void (*fn)(void));
void harness_fail(const char *file, int line, const char *what);

#define TEST(name)                                                             \
	static void name(void);                                                \
	__attribute__((constructor)) static void register_##name(void)         \
	{                                                                      \
		harness_register(#name, name);                                 \
	}                                                                      \
	static void name(void)

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond))                                                   \
			harness_fail(__FILE__, __LINE__, #cond);               \
	} while (0)

#define CHECK_EQ(a, b)                                                         \
	do {                                                                   \
		unsigned long long __a = (unsigned long long)(a);              \
		unsigned long long __b = (unsigned long long)(b);              \
		if (__a != __b) {                                              \
			char __m[256];                                         \
			snprintf(__m, sizeof(__m),                             \
				 "%s == %s (0x%llx != 0x%llx)", #a, #b, __a,   \
				 __b);                                         \
			harness_fail(__FILE__, __LINE__, __m);                 \
		}                                                              \
	} while (0)

#endif
