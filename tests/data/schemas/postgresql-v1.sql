CREATE TABLE public.account (
    id integer NOT NULL,
    number character varying(16) NOT NULL,
    name character varying(255) NOT NULL,
    initials character varying(255) NOT NULL,
    phone character varying(255) NOT NULL,
    id_card character varying(255),
    address character varying(255) NOT NULL,
    office_id integer NOT NULL,
    user_type character varying(16) NOT NULL,
    status character varying(16) NOT NULL,
    balance_fen integer NOT NULL,
    opened_on date NOT NULL,
    last_inspection date
);

CREATE SEQUENCE public.account_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.account_id_seq OWNED BY public.account.id;

CREATE TABLE public.audit_event (
    id integer NOT NULL,
    seq integer NOT NULL,
    at timestamp without time zone NOT NULL,
    kind character varying(32) NOT NULL,
    staff_id integer,
    office_id integer,
    payload_json text NOT NULL,
    prev_hash character varying(64) NOT NULL,
    hash character varying(64) NOT NULL
);

CREATE SEQUENCE public.audit_event_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.audit_event_id_seq OWNED BY public.audit_event.id;

CREATE TABLE public.bill (
    id integer NOT NULL,
    account_id integer NOT NULL,
    meter_id integer NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    from_reading_id integer,
    to_reading_id integer,
    volume_l integer NOT NULL,
    amount_fen integer NOT NULL,
    lines_json text NOT NULL,
    created_at timestamp without time zone NOT NULL
);

CREATE SEQUENCE public.bill_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.bill_id_seq OWNED BY public.bill.id;

CREATE TABLE public.counter (
    id integer NOT NULL,
    office_id integer NOT NULL,
    number integer NOT NULL,
    name character varying(255) NOT NULL
);

CREATE SEQUENCE public.counter_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.counter_id_seq OWNED BY public.counter.id;

CREATE TABLE public.form_event (
    id integer NOT NULL,
    form_id integer NOT NULL,
    staff_id integer NOT NULL,
    action character varying(255) NOT NULL,
    status character varying(16) NOT NULL,
    note text NOT NULL,
    at timestamp without time zone NOT NULL
);

CREATE SEQUENCE public.form_event_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.form_event_id_seq OWNED BY public.form_event.id;

CREATE TABLE public.form_record (
    id integer NOT NULL,
    number character varying(255) NOT NULL,
    kind character varying(255) NOT NULL,
    account_id integer,
    office_id integer NOT NULL,
    staff_id integer NOT NULL,
    status character varying(16) NOT NULL,
    data_json text NOT NULL,
    created_at timestamp without time zone NOT NULL
);

CREATE SEQUENCE public.form_record_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.form_record_id_seq OWNED BY public.form_record.id;

CREATE TABLE public.gasdesk_schema (
    version integer NOT NULL,
    name character varying(255) NOT NULL,
    applied_at timestamp without time zone NOT NULL
);

CREATE TABLE public.meter (
    id integer NOT NULL,
    number character varying(20) NOT NULL,
    account_id integer NOT NULL,
    kind character varying(16) NOT NULL,
    model character varying(255) NOT NULL,
    installed_on date NOT NULL,
    last_verified date,
    removed_on date,
    initial_l integer NOT NULL
);

CREATE SEQUENCE public.meter_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.meter_id_seq OWNED BY public.meter.id;

CREATE TABLE public.office (
    id integer NOT NULL,
    code character varying(8) NOT NULL,
    name character varying(255) NOT NULL,
    address character varying(255) NOT NULL,
    phone character varying(255) NOT NULL,
    hours character varying(255) NOT NULL
);

CREATE SEQUENCE public.office_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.office_id_seq OWNED BY public.office.id;

CREATE TABLE public.payment (
    id integer NOT NULL,
    account_id integer NOT NULL,
    office_id integer NOT NULL,
    counter_id integer,
    staff_id integer NOT NULL,
    shift_id integer,
    business_date date NOT NULL,
    kind character varying(16) NOT NULL,
    method character varying(16) NOT NULL,
    amount_fen integer NOT NULL,
    tendered_fen integer NOT NULL,
    change_fen integer NOT NULL,
    volume_l integer NOT NULL,
    reference character varying(255) NOT NULL,
    idempotency_key character varying(255) NOT NULL,
    voids_id integer,
    reason character varying(255) NOT NULL,
    authorised_by_id integer,
    created_at timestamp without time zone NOT NULL
);

CREATE TABLE public.payment_bill (
    id integer NOT NULL,
    payment_id integer NOT NULL,
    bill_id integer NOT NULL,
    amount_fen integer NOT NULL
);

CREATE SEQUENCE public.payment_bill_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.payment_bill_id_seq OWNED BY public.payment_bill.id;

CREATE SEQUENCE public.payment_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.payment_id_seq OWNED BY public.payment.id;

CREATE TABLE public.reading (
    id integer NOT NULL,
    meter_id integer NOT NULL,
    account_id integer NOT NULL,
    read_on date NOT NULL,
    value_l integer NOT NULL,
    source character varying(16) NOT NULL,
    recorded_by_id integer,
    created_at timestamp without time zone NOT NULL
);

CREATE SEQUENCE public.reading_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.reading_id_seq OWNED BY public.reading.id;

CREATE TABLE public.receipt (
    id integer NOT NULL,
    series character varying(255) NOT NULL,
    number integer NOT NULL,
    payment_id integer NOT NULL,
    issued_at timestamp without time zone NOT NULL
);

CREATE TABLE public.receipt_counter (
    series character varying(255) NOT NULL,
    last integer NOT NULL
);

CREATE SEQUENCE public.receipt_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.receipt_id_seq OWNED BY public.receipt.id;

CREATE TABLE public.receipt_print (
    id integer NOT NULL,
    receipt_id integer NOT NULL,
    staff_id integer NOT NULL,
    printed_at timestamp without time zone NOT NULL,
    reprint boolean NOT NULL
);

CREATE SEQUENCE public.receipt_print_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.receipt_print_id_seq OWNED BY public.receipt_print.id;

CREATE TABLE public.shift (
    id integer NOT NULL,
    office_id integer NOT NULL,
    counter_id integer NOT NULL,
    staff_id integer NOT NULL,
    business_date date NOT NULL,
    opened_at timestamp without time zone NOT NULL,
    opening_float_fen integer NOT NULL,
    closed_at timestamp without time zone
);

CREATE SEQUENCE public.shift_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.shift_id_seq OWNED BY public.shift.id;

CREATE TABLE public.staff (
    id integer NOT NULL,
    badge character varying(16) NOT NULL,
    name character varying(255) NOT NULL,
    role character varying(16) NOT NULL,
    office_id integer NOT NULL,
    password_hash character varying(255) NOT NULL,
    active boolean NOT NULL,
    failed_logins integer NOT NULL,
    locked_until timestamp without time zone
);

CREATE SEQUENCE public.staff_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.staff_id_seq OWNED BY public.staff.id;

CREATE TABLE public.tariff_tier (
    id integer NOT NULL,
    version_id integer NOT NULL,
    seq integer NOT NULL,
    upper_m3 integer,
    price_fen integer NOT NULL
);

CREATE SEQUENCE public.tariff_tier_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.tariff_tier_id_seq OWNED BY public.tariff_tier.id;

CREATE TABLE public.tariff_version (
    id integer NOT NULL,
    name character varying(255) NOT NULL,
    user_type character varying(16) NOT NULL,
    effective_from date NOT NULL,
    created_at timestamp without time zone NOT NULL,
    created_by_id integer
);

CREATE SEQUENCE public.tariff_version_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.tariff_version_id_seq OWNED BY public.tariff_version.id;

ALTER TABLE ONLY public.account ALTER COLUMN id SET DEFAULT nextval('public.account_id_seq'::regclass);

ALTER TABLE ONLY public.audit_event ALTER COLUMN id SET DEFAULT nextval('public.audit_event_id_seq'::regclass);

ALTER TABLE ONLY public.bill ALTER COLUMN id SET DEFAULT nextval('public.bill_id_seq'::regclass);

ALTER TABLE ONLY public.counter ALTER COLUMN id SET DEFAULT nextval('public.counter_id_seq'::regclass);

ALTER TABLE ONLY public.form_event ALTER COLUMN id SET DEFAULT nextval('public.form_event_id_seq'::regclass);

ALTER TABLE ONLY public.form_record ALTER COLUMN id SET DEFAULT nextval('public.form_record_id_seq'::regclass);

ALTER TABLE ONLY public.meter ALTER COLUMN id SET DEFAULT nextval('public.meter_id_seq'::regclass);

ALTER TABLE ONLY public.office ALTER COLUMN id SET DEFAULT nextval('public.office_id_seq'::regclass);

ALTER TABLE ONLY public.payment ALTER COLUMN id SET DEFAULT nextval('public.payment_id_seq'::regclass);

ALTER TABLE ONLY public.payment_bill ALTER COLUMN id SET DEFAULT nextval('public.payment_bill_id_seq'::regclass);

ALTER TABLE ONLY public.reading ALTER COLUMN id SET DEFAULT nextval('public.reading_id_seq'::regclass);

ALTER TABLE ONLY public.receipt ALTER COLUMN id SET DEFAULT nextval('public.receipt_id_seq'::regclass);

ALTER TABLE ONLY public.receipt_print ALTER COLUMN id SET DEFAULT nextval('public.receipt_print_id_seq'::regclass);

ALTER TABLE ONLY public.shift ALTER COLUMN id SET DEFAULT nextval('public.shift_id_seq'::regclass);

ALTER TABLE ONLY public.staff ALTER COLUMN id SET DEFAULT nextval('public.staff_id_seq'::regclass);

ALTER TABLE ONLY public.tariff_tier ALTER COLUMN id SET DEFAULT nextval('public.tariff_tier_id_seq'::regclass);

ALTER TABLE ONLY public.tariff_version ALTER COLUMN id SET DEFAULT nextval('public.tariff_version_id_seq'::regclass);

ALTER TABLE ONLY public.account
    ADD CONSTRAINT account_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.audit_event
    ADD CONSTRAINT audit_event_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.bill
    ADD CONSTRAINT bill_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.counter
    ADD CONSTRAINT counter_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.form_event
    ADD CONSTRAINT form_event_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.form_record
    ADD CONSTRAINT form_record_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.gasdesk_schema
    ADD CONSTRAINT gasdesk_schema_pkey PRIMARY KEY (version);

ALTER TABLE ONLY public.meter
    ADD CONSTRAINT meter_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.office
    ADD CONSTRAINT office_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.payment_bill
    ADD CONSTRAINT payment_bill_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.payment
    ADD CONSTRAINT payment_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.reading
    ADD CONSTRAINT reading_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.receipt_counter
    ADD CONSTRAINT receipt_counter_pkey PRIMARY KEY (series);

ALTER TABLE ONLY public.receipt
    ADD CONSTRAINT receipt_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.receipt_print
    ADD CONSTRAINT receipt_print_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.shift
    ADD CONSTRAINT shift_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.staff
    ADD CONSTRAINT staff_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.tariff_tier
    ADD CONSTRAINT tariff_tier_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.tariff_version
    ADD CONSTRAINT tariff_version_pkey PRIMARY KEY (id);

CREATE INDEX account_initials ON public.account USING btree (initials);

CREATE INDEX account_name ON public.account USING btree (name);

CREATE UNIQUE INDEX account_number ON public.account USING btree (number);

CREATE INDEX account_office_id ON public.account USING btree (office_id);

CREATE INDEX account_phone ON public.account USING btree (phone);

CREATE INDEX audit_event_office_id ON public.audit_event USING btree (office_id);

CREATE UNIQUE INDEX audit_event_seq ON public.audit_event USING btree (seq);

CREATE INDEX audit_event_staff_id ON public.audit_event USING btree (staff_id);

CREATE INDEX bill_account_id ON public.bill USING btree (account_id);

CREATE INDEX bill_account_id_period_end ON public.bill USING btree (account_id, period_end);

CREATE INDEX bill_from_reading_id ON public.bill USING btree (from_reading_id);

CREATE INDEX bill_meter_id ON public.bill USING btree (meter_id);

CREATE INDEX bill_to_reading_id ON public.bill USING btree (to_reading_id);

CREATE INDEX counter_office_id ON public.counter USING btree (office_id);

CREATE UNIQUE INDEX counter_office_id_number ON public.counter USING btree (office_id, number);

CREATE INDEX form_event_form_id ON public.form_event USING btree (form_id);

CREATE INDEX form_event_staff_id ON public.form_event USING btree (staff_id);

CREATE INDEX form_record_account_id ON public.form_record USING btree (account_id);

CREATE INDEX form_record_kind ON public.form_record USING btree (kind);

CREATE UNIQUE INDEX form_record_number ON public.form_record USING btree (number);

CREATE INDEX form_record_office_id ON public.form_record USING btree (office_id);

CREATE INDEX form_record_staff_id ON public.form_record USING btree (staff_id);

CREATE INDEX meter_account_id ON public.meter USING btree (account_id);

CREATE UNIQUE INDEX meter_number ON public.meter USING btree (number);

CREATE UNIQUE INDEX office_code ON public.office USING btree (code);

CREATE INDEX payment_account_id ON public.payment USING btree (account_id);

CREATE INDEX payment_authorised_by_id ON public.payment USING btree (authorised_by_id);

CREATE INDEX payment_bill_bill_id ON public.payment_bill USING btree (bill_id);

CREATE INDEX payment_bill_payment_id ON public.payment_bill USING btree (payment_id);

CREATE INDEX payment_business_date ON public.payment USING btree (business_date);

CREATE INDEX payment_counter_id ON public.payment USING btree (counter_id);

CREATE UNIQUE INDEX payment_idempotency_key ON public.payment USING btree (idempotency_key);

CREATE INDEX payment_office_id ON public.payment USING btree (office_id);

CREATE INDEX payment_shift_id ON public.payment USING btree (shift_id);

CREATE INDEX payment_staff_id ON public.payment USING btree (staff_id);

CREATE UNIQUE INDEX payment_voids_id ON public.payment USING btree (voids_id);

CREATE INDEX reading_account_id ON public.reading USING btree (account_id);

CREATE INDEX reading_account_id_read_on ON public.reading USING btree (account_id, read_on);

CREATE INDEX reading_meter_id ON public.reading USING btree (meter_id);

CREATE INDEX reading_meter_id_read_on ON public.reading USING btree (meter_id, read_on);

CREATE INDEX reading_recorded_by_id ON public.reading USING btree (recorded_by_id);

CREATE UNIQUE INDEX receipt_payment_id ON public.receipt USING btree (payment_id);

CREATE INDEX receipt_print_receipt_id ON public.receipt_print USING btree (receipt_id);

CREATE INDEX receipt_print_staff_id ON public.receipt_print USING btree (staff_id);

CREATE UNIQUE INDEX receipt_series_number ON public.receipt USING btree (series, number);

CREATE INDEX shift_business_date ON public.shift USING btree (business_date);

CREATE INDEX shift_counter_id ON public.shift USING btree (counter_id);

CREATE INDEX shift_office_id ON public.shift USING btree (office_id);

CREATE INDEX shift_staff_id ON public.shift USING btree (staff_id);

CREATE UNIQUE INDEX staff_badge ON public.staff USING btree (badge);

CREATE INDEX staff_office_id ON public.staff USING btree (office_id);

CREATE INDEX tariff_tier_version_id ON public.tariff_tier USING btree (version_id);

CREATE UNIQUE INDEX tariff_tier_version_id_seq ON public.tariff_tier USING btree (version_id, seq);

CREATE INDEX tariff_version_created_by_id ON public.tariff_version USING btree (created_by_id);

CREATE INDEX tariff_version_effective_from ON public.tariff_version USING btree (effective_from);

ALTER TABLE ONLY public.account
    ADD CONSTRAINT account_office_id_fkey FOREIGN KEY (office_id) REFERENCES public.office(id);

ALTER TABLE ONLY public.audit_event
    ADD CONSTRAINT audit_event_office_id_fkey FOREIGN KEY (office_id) REFERENCES public.office(id);

ALTER TABLE ONLY public.audit_event
    ADD CONSTRAINT audit_event_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.staff(id);

ALTER TABLE ONLY public.bill
    ADD CONSTRAINT bill_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id);

ALTER TABLE ONLY public.bill
    ADD CONSTRAINT bill_from_reading_id_fkey FOREIGN KEY (from_reading_id) REFERENCES public.reading(id);

ALTER TABLE ONLY public.bill
    ADD CONSTRAINT bill_meter_id_fkey FOREIGN KEY (meter_id) REFERENCES public.meter(id);

ALTER TABLE ONLY public.bill
    ADD CONSTRAINT bill_to_reading_id_fkey FOREIGN KEY (to_reading_id) REFERENCES public.reading(id);

ALTER TABLE ONLY public.counter
    ADD CONSTRAINT counter_office_id_fkey FOREIGN KEY (office_id) REFERENCES public.office(id);

ALTER TABLE ONLY public.form_event
    ADD CONSTRAINT form_event_form_id_fkey FOREIGN KEY (form_id) REFERENCES public.form_record(id);

ALTER TABLE ONLY public.form_event
    ADD CONSTRAINT form_event_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.staff(id);

ALTER TABLE ONLY public.form_record
    ADD CONSTRAINT form_record_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id);

ALTER TABLE ONLY public.form_record
    ADD CONSTRAINT form_record_office_id_fkey FOREIGN KEY (office_id) REFERENCES public.office(id);

ALTER TABLE ONLY public.form_record
    ADD CONSTRAINT form_record_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.staff(id);

ALTER TABLE ONLY public.meter
    ADD CONSTRAINT meter_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id);

ALTER TABLE ONLY public.payment
    ADD CONSTRAINT payment_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id);

ALTER TABLE ONLY public.payment
    ADD CONSTRAINT payment_authorised_by_id_fkey FOREIGN KEY (authorised_by_id) REFERENCES public.staff(id);

ALTER TABLE ONLY public.payment_bill
    ADD CONSTRAINT payment_bill_bill_id_fkey FOREIGN KEY (bill_id) REFERENCES public.bill(id);

ALTER TABLE ONLY public.payment_bill
    ADD CONSTRAINT payment_bill_payment_id_fkey FOREIGN KEY (payment_id) REFERENCES public.payment(id);

ALTER TABLE ONLY public.payment
    ADD CONSTRAINT payment_counter_id_fkey FOREIGN KEY (counter_id) REFERENCES public.counter(id);

ALTER TABLE ONLY public.payment
    ADD CONSTRAINT payment_office_id_fkey FOREIGN KEY (office_id) REFERENCES public.office(id);

ALTER TABLE ONLY public.payment
    ADD CONSTRAINT payment_shift_id_fkey FOREIGN KEY (shift_id) REFERENCES public.shift(id);

ALTER TABLE ONLY public.payment
    ADD CONSTRAINT payment_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.staff(id);

ALTER TABLE ONLY public.payment
    ADD CONSTRAINT payment_voids_id_fkey FOREIGN KEY (voids_id) REFERENCES public.payment(id);

ALTER TABLE ONLY public.reading
    ADD CONSTRAINT reading_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id);

ALTER TABLE ONLY public.reading
    ADD CONSTRAINT reading_meter_id_fkey FOREIGN KEY (meter_id) REFERENCES public.meter(id);

ALTER TABLE ONLY public.reading
    ADD CONSTRAINT reading_recorded_by_id_fkey FOREIGN KEY (recorded_by_id) REFERENCES public.staff(id);

ALTER TABLE ONLY public.receipt
    ADD CONSTRAINT receipt_payment_id_fkey FOREIGN KEY (payment_id) REFERENCES public.payment(id);

ALTER TABLE ONLY public.receipt_print
    ADD CONSTRAINT receipt_print_receipt_id_fkey FOREIGN KEY (receipt_id) REFERENCES public.receipt(id);

ALTER TABLE ONLY public.receipt_print
    ADD CONSTRAINT receipt_print_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.staff(id);

ALTER TABLE ONLY public.shift
    ADD CONSTRAINT shift_counter_id_fkey FOREIGN KEY (counter_id) REFERENCES public.counter(id);

ALTER TABLE ONLY public.shift
    ADD CONSTRAINT shift_office_id_fkey FOREIGN KEY (office_id) REFERENCES public.office(id);

ALTER TABLE ONLY public.shift
    ADD CONSTRAINT shift_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.staff(id);

ALTER TABLE ONLY public.staff
    ADD CONSTRAINT staff_office_id_fkey FOREIGN KEY (office_id) REFERENCES public.office(id);

ALTER TABLE ONLY public.tariff_tier
    ADD CONSTRAINT tariff_tier_version_id_fkey FOREIGN KEY (version_id) REFERENCES public.tariff_version(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.tariff_version
    ADD CONSTRAINT tariff_version_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES public.staff(id);

INSERT INTO public.gasdesk_schema VALUES (1, 'initial schema', '2026-12-03 19:00:14');
