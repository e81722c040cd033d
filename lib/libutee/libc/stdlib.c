/*
 * The rest of stdlib.h for TAs (malloc and friends live in libutee, next to
 * TEE_Malloc) and assert's failure path. abort() and a failed assert panic
 * the TA.
 */
#include <assert.h>
#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <tee_internal_api.h>
#include <trace.h>

void abort(void)
{
	EMSG_RAW("abort()");
	TEE_Panic(TEE_ERROR_GENERIC);
}

void __assert_fail(const char *expr, const char *file, int line,
		   const char *func)
{
	EMSG_RAW("assertion '%s' failed at %s:%d <%s>", expr, file, line, func);
	TEE_Panic(TEE_ERROR_GENERIC);
}

int abs(int x)
{
	return x < 0 ? -x : x;
}

long labs(long x)
{
	return x < 0 ? -x : x;
}

long long llabs(long long x)
{
	return x < 0 ? -x : x;
}

/*
 * Parses an optionally signed integer in base 2..36 (0: from the prefix).
 * Returns the magnitude clamped to max_mag (with *overflow set) and the
 * sign in *neg.
 */
static unsigned long long parse(const char *s, char **end, int base,
				unsigned long long max_mag, bool *neg)
{
	const char *p = s;
	unsigned long long v = 0;
	bool any = false, over = false;

	*neg = false;
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		*neg = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' &&
	    (p[1] == 'x' || p[1] == 'X') && isxdigit((unsigned char)p[2])) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = p[0] == '0' ? 8 : 10;
	}
	if (base < 2 || base > 36) {
		if (end)
			*end = (char *)s;
		return 0;
	}
	for (;; p++) {
		int d;

		if (isdigit((unsigned char)*p))
			d = *p - '0';
		else if (isalpha((unsigned char)*p))
			d = tolower((unsigned char)*p) - 'a' + 10;
		else
			break;
		if (d >= base)
			break;
		any = true;
		if (v > (max_mag - (unsigned long long)d) / (unsigned)base)
			over = true;
		else
			v = v * (unsigned)base + (unsigned)d;
	}
	if (end)
		*end = (char *)(any ? p : s);
	return over ? max_mag : v;
}

unsigned long long strtoull(const char *__restrict s, char **__restrict end,
			    int base)
{
	bool neg;
	unsigned long long v = parse(s, end, base, ULLONG_MAX, &neg);

	return neg && v != ULLONG_MAX ? -v : v;
}

unsigned long strtoul(const char *__restrict s, char **__restrict end, int base)
{
	return (unsigned long)strtoull(s, end, base);
}

long long strtoll(const char *__restrict s, char **__restrict end, int base)
{
	bool neg;
	unsigned long long v =
		parse(s, end, base, (unsigned long long)LLONG_MAX + 1, &neg);

	if (neg)
		return v > (unsigned long long)LLONG_MAX ? LLONG_MIN
							 : -(long long)v;
	return v > (unsigned long long)LLONG_MAX ? LLONG_MAX : (long long)v;
}

long strtol(const char *__restrict s, char **__restrict end, int base)
{
	return (long)strtoll(s, end, base);
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

static void swap_bytes(unsigned char *a, unsigned char *b, size_t n)
{
	while (n--) {
		unsigned char t = *a;

		*a++ = *b;
		*b++ = t;
	}
}

/* Insertion sort: small and stack-friendly; TAs sort little data. */
void qsort(void *base, size_t nmemb, size_t size,
	   int (*compar)(const void *, const void *))
{
	unsigned char *b = base;

	for (size_t i = 1; i < nmemb; i++)
		for (size_t j = i;
		     j > 0 && compar(b + (j - 1) * size, b + j * size) > 0; j--)
			swap_bytes(b + (j - 1) * size, b + j * size, size);
}

void *bsearch(const void *key, const void *base, size_t nmemb, size_t size,
	      int (*compar)(const void *, const void *))
{
	const unsigned char *b = base;
	size_t lo = 0, hi = nmemb;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = compar(key, b + mid * size);

		if (!c)
			return (void *)(b + mid * size);
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}
