/*
 * vsnprintf/snprintf for TAs: integer, character, string and pointer
 * conversions with the usual flags, width, precision and length modifiers.
 * Floating-point conversions are not supported (TAs are built without
 * FP/SIMD registers); they print as the conversion text itself.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct out {
	char *buf;
	size_t size;
	size_t len;
};

struct spec {
	bool left, plus, space, alt, zero;
	int width;
	int prec; /* -1: none */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void put_str(struct out *o, const struct spec *sp, const char *s)
{
	size_t n = 0;

	if (!s)
		s = "(null)";
	while (s[n] && (sp->prec < 0 || n < (size_t)sp->prec))
		n++;
	if (!sp->left)
		pad(o, ' ', sp->width - (int)n);
	for (size_t i = 0; i < n; i++)
		put(o, s[i]);
	if (sp->left)
		pad(o, ' ', sp->width - (int)n);
}

static void put_int(struct out *o, const struct spec *sp, uint64_t v, bool neg,
		    unsigned int base, bool upper, const char *pfx)
{
	const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, zeros = 0, plen = 0, total;
	char sign = 0;

	while (v) {
		tmp[n++] = dig[v % base];
		v /= base;
	}
	if (sp->prec > n)
		zeros = sp->prec - n;
	else if (!n && sp->prec != 0)
		zeros = 1; /* the value 0 */
	if (base == 8 && pfx && (zeros == 0 && (n == 0 || tmp[n - 1] != '0')))
		zeros++; /* '#' with octal: a leading 0 */
	if (base == 8)
		pfx = NULL;
	if (neg)
		sign = '-';
	else if (sp->plus)
		sign = '+';
	else if (sp->space)
		sign = ' ';
	if (pfx)
		while (pfx[plen])
			plen++;
	total = (sign ? 1 : 0) + plen + zeros + n;
	if (sp->zero && !sp->left && sp->prec < 0 && sp->width > total) {
		zeros += sp->width - total;
		total = sp->width;
	}
	if (!sp->left)
		pad(o, ' ', sp->width - total);
	if (sign)
		put(o, sign);
	for (int i = 0; i < plen; i++)
		put(o, pfx[i]);
	pad(o, '0', zeros);
	while (n)
		put(o, tmp[--n]);
	if (sp->left)
		pad(o, ' ', sp->width - total);
}

enum len_mod { L_INT, L_CHAR, L_SHORT, L_LONG, L_LLONG, L_SIZE };

static uint64_t get_unsigned(va_list *ap, enum len_mod m)
{
	switch (m) {
	case L_CHAR:
		return (unsigned char)va_arg(*ap, unsigned int);
	case L_SHORT:
		return (unsigned short)va_arg(*ap, unsigned int);
	case L_LONG:
		return va_arg(*ap, unsigned long);
	case L_LLONG:
		return va_arg(*ap, unsigned long long);
	case L_SIZE:
		return va_arg(*ap, size_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

static int64_t get_signed(va_list *ap, enum len_mod m)
{
	switch (m) {
	case L_CHAR:
		return (signed char)va_arg(*ap, int);
	case L_SHORT:
		return (short)va_arg(*ap, int);
	case L_LONG:
		return va_arg(*ap, long);
	case L_LLONG:
		return va_arg(*ap, long long);
	case L_SIZE:
		return va_arg(*ap, long);
	default:
		return va_arg(*ap, int);
	}
}

static const char *parse_spec(const char *p, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){.prec = -1};
	for (;; p++) {
		if (*p == '-')
			sp->left = true;
		else if (*p == '+')
			sp->plus = true;
		else if (*p == ' ')
			sp->space = true;
		else if (*p == '#')
			sp->alt = true;
		else if (*p == '0')
			sp->zero = true;
		else
			break;
	}
	if (*p == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->left = true;
			sp->width = -sp->width;
		}
		p++;
	} else {
		while (*p >= '0' && *p <= '9')
			sp->width = sp->width * 10 + (*p++ - '0');
	}
	if (*p == '.') {
		p++;
		sp->prec = 0;
		if (*p == '*') {
			sp->prec = va_arg(*ap, int);
			if (sp->prec < 0)
				sp->prec = -1;
			p++;
		} else {
			while (*p >= '0' && *p <= '9')
				sp->prec = sp->prec * 10 + (*p++ - '0');
		}
	}
	return p;
}

static const char *parse_len(const char *p, enum len_mod *m)
{
	*m = L_INT;
	if (p[0] == 'h' && p[1] == 'h') {
		*m = L_CHAR;
		return p + 2;
	}
	if (p[0] == 'l' && p[1] == 'l') {
		*m = L_LLONG;
		return p + 2;
	}
	switch (*p) {
	case 'h':
		*m = L_SHORT;
		return p + 1;
	case 'l':
	case 'j':
	case 'L':
		*m = L_LONG;
		return p + 1;
	case 'z':
	case 't':
		*m = L_SIZE;
		return p + 1;
	default:
		return p;
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap_in)
{
	struct out o = {.buf = buf, .size = size, .len = 0};
	va_list ap;

	va_copy(ap, ap_in);
	for (const char *p = fmt; *p; p++) {
		const char *start = p;
		struct spec sp;
		enum len_mod m;

		if (*p != '%') {
			put(&o, *p);
			continue;
		}
		p = parse_spec(p + 1, &sp, &ap);
		p = parse_len(p, &m);
		switch (*p) {
		case 'd':
		case 'i': {
			int64_t v = get_signed(&ap, m);

			put_int(&o, &sp, v < 0 ? -(uint64_t)v : (uint64_t)v,
				v < 0, 10, false, NULL);
			break;
		}
		case 'u':
			put_int(&o, &sp, get_unsigned(&ap, m), false, 10, false,
				NULL);
			break;
		case 'o':
			put_int(&o, &sp, get_unsigned(&ap, m), false, 8, false,
				sp.alt ? "0" : NULL);
			break;
		case 'x':
		case 'X': {
			uint64_t v = get_unsigned(&ap, m);

			put_int(&o, &sp, v, false, 16, *p == 'X',
				sp.alt && v ? (*p == 'X' ? "0X" : "0x") : NULL);
			break;
		}
		case 'p':
			sp.plus = sp.space = false;
			put_int(&o, &sp, (uintptr_t)va_arg(ap, void *), false,
				16, false, "0x");
			break;
		case 'c': {
			char c[2] = {(char)va_arg(ap, int), 0};

			sp.prec = 1;
			if (!c[0]) { /* a NUL character still counts */
				if (!sp.left)
					pad(&o, ' ', sp.width - 1);
				put(&o, '\0');
				if (sp.left)
					pad(&o, ' ', sp.width - 1);
				break;
			}
			put_str(&o, &sp, c);
			break;
		}
		case 's':
			put_str(&o, &sp, va_arg(ap, const char *));
			break;
		case '%':
			put(&o, '%');
			break;
		case '\0':
			p--; /* a lone '%' at the end */
			break;
		default: /* unsupported: print it as written */
			for (const char *q = start; q <= p; q++)
				put(&o, *q);
			break;
		}
	}
	va_end(ap);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len > INT32_MAX ? INT32_MAX : (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return r;
}
