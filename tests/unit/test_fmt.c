/* The log formatter: conversions, truncation, hostile format strings. */
#include <fmt.h>
#include <string.h>

#include "harness.h"

/* Some tests feed deliberately malformed formats. */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-overflow"
#pragma GCC diagnostic ignored "-Wformat-extra-args"

TEST(fmt_conversions)
{
	char b[64];

	fmt_snprintf(b, sizeof(b), "%d %u %x %X %s %c %%", -42, 42u, 0xbeefu,
		     0xbeefu, "str", 'z');
	CHECK(!strcmp(b, "-42 42 beef BEEF str z %"));
	fmt_snprintf(b, sizeof(b), "%lx %ld %zu", 0xfedcba9876543210ul,
		     -9000000000l, (size_t)123);
	CHECK(!strcmp(b, "fedcba9876543210 -9000000000 123"));
	fmt_snprintf(b, sizeof(b), "[%5d][%-5d][%05x][%-4s]", 42, 42, 0x2a,
		     "ab");
	CHECK(!strcmp(b, "[   42][42   ][0002a][ab  ]"));
	fmt_snprintf(b, sizeof(b), "%05d", -42);
	CHECK(!strcmp(b, "-0042"));
	fmt_snprintf(b, sizeof(b), "%s", (char *)NULL);
	CHECK(!strcmp(b, "(null)"));
	fmt_snprintf(b, sizeof(b), "%p", (void *)0x1234);
	CHECK(!strcmp(b, "0x1234"));
}

TEST(fmt_truncates_and_terminates)
{
	char b[8];
	int n;

	memset(b, 'X', sizeof(b));
	n = fmt_snprintf(b, sizeof(b), "0123456789");
	CHECK_EQ(n, 10);
	CHECK(!strcmp(b, "0123456"));
	n = fmt_snprintf(b, 0, "abc");
	CHECK_EQ(n, 3);
	CHECK_EQ(b[0], '0');
}

TEST(fmt_survives_odd_format_strings)
{
	char b[32];

	fmt_snprintf(b, sizeof(b), "100%");
	CHECK(!strcmp(b, "100"));
	fmt_snprintf(b, sizeof(b), "%q");
	CHECK(!strcmp(b, "%q"));
}
