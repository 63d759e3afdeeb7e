package demo

import "kpiplanner/app"

// Money amounts below are in VND.
const (
	million = 1e6
	billion = 1e9
)

// marketingKPIs is the Marketing department's KPI pool.
var marketingKPIs = []tmpl{
	higher("Marketing qualified leads", app.Count, app.Sum, 2400, 6000, 1).lib("mql").
		from("crm", H, H).says("Leads that meet the agreed qualification criteria, handed to sales."),
	higher("Branded search volume", app.Count, app.Average, 8000, 20000, 10).base(5000, 7500).lib("branded-search-volume").
		from("web-analytics", H, H).says("Monthly searches for the brand name on Google."),
	higher("Return on ad spend", app.Ratio1, app.Ratio, 3.5, 5, 0.1).ratio(80*million, 250*million, 1000, 1000).lib("roas").
		from("ads-platform", L, H).says("Revenue attributed to paid ads ÷ ad spend."),
	lower("Cost per lead", app.Currency, app.Ratio, 120000, 200000, 1000).ratio(200, 600, 1, 1000).lib("cpl").
		from("ads-platform", L, H).says("Paid media spend ÷ leads generated."),
	higher("Social engagement rate", app.Percent, app.Average, 2.5, 4.5, 0.1).lib("engagement-rate").
		from("social-analytics", L, L).says("Interactions ÷ reach on Facebook, TikTok and Zalo posts, in percent."),
	milestone("Tết campaign launched on time").lib("campaign-launch").
		from("project-tracker", H, H).says("The Lunar New Year campaign is live on every channel by its launch date."),
	lower("Email unsubscribe rate (worst month)", app.Percent, app.Max, 0.5, 0.8, 0.01).lib("unsubscribe-rate").
		from("email-platform", L, L).says("Unsubscribes ÷ emails delivered in the worst month, in percent."),
	within("Marketing spend vs budget", app.Percent, app.Average, 96, 100, 6, 8, 0.1).noise(0.03).
		from("accounting", L, H).says("Marketing spend as a percentage of the monthly budget."),
}

// salesKPIs is the Sales department's KPI pool.
var salesKPIs = []tmpl{
	higher("New customer revenue", app.Currency, app.Sum, 6*billion, 18*billion, 1000).base(3*billion, 5.5*billion).lib("new-customer-revenue").
		from("accounting", H, H).says("Invoiced revenue from customers who first bought this year."),
	higher("Deals closed", app.Count, app.Sum, 60, 180, 1).
		from("crm", H, H).says("Won opportunities in the CRM."),
	higher("Average deal size", app.Currency, app.Ratio, 80*million, 150*million, 1000).ratio(5, 15, 1, 1000).lib("avg-deal-size").
		from("crm", L, H).says("Won revenue ÷ deals won."),
	lower("Sales cycle length", app.Days, app.Average, 25, 40, 1).base(45, 60).lib("sales-cycle-length").
		from("crm", H, H).says("Days from first meeting to signed contract."),
	within("Pipeline coverage", app.Ratio1, app.Last, 3, 4, 1, 1, 0.1).
		from("crm", L, H).says("Open pipeline value ÷ next quarter's quota."),
	higher("Win rate (lowest month)", app.Percent, app.Min, 18, 25, 0.1).noise(0.12).lib("win-rate").
		from("crm", H, L).says("Deals won ÷ deals closed in the weakest month, in percent."),
	lower("Overdue receivables", app.Currency, app.Last, 150*million, 400*million, 1000).
		from("accounting", L, H).says("Customer invoices more than 30 days past due at month end."),
	higher("Customer visits", app.Count, app.Sum, 120, 240, 1).lib("customer-meetings").
		from("crm", L, L).says("Face-to-face customer meetings logged in the CRM."),
}

// ecommerceKPIs is the E-commerce department's KPI pool.
var ecommerceKPIs = []tmpl{
	higher("Online revenue", app.Currency, app.Sum, 3*billion, 12*billion, 1000).base(1.5*billion, 2.9*billion).lib("online-revenue").
		from("ecommerce-platform", H, H).says("Net revenue from the website and marketplace stores."),
	higher("Average order value", app.Currency, app.Ratio, 350000, 600000, 1000).ratio(800, 3000, 1, 1000).lib("aov").
		from("ecommerce-platform", L, H).says("Online revenue ÷ online orders."),
	lower("Cart abandonment rate", app.Percent, app.Average, 60, 70, 0.1).base(72, 80).noise(0.04).lib("cart-abandonment-rate").
		from("web-analytics", H, H).says("Carts not checked out ÷ carts created, in percent."),
	higher("Marketplace shop rating (lowest month)", app.Score, app.Min, 4.6, 4.8, 0.1).noise(0.02).lib("shop-rating").
		from("ecommerce-platform", L, H).says("Lowest monthly average star rating on Shopee and Lazada."),
	lower("Return rate", app.Percent, app.Average, 2, 4, 0.1).lib("return-rate").
		from("ecommerce-platform", L, L).says("Orders returned ÷ orders delivered, in percent."),
	higher("Conversion rate", app.Percent, app.Ratio, 1.8, 3, 0.1).ratio(40000, 120000, 10, 1).lib("ecommerce-conversion-rate").
		from("web-analytics", H, H).says("Orders ÷ sessions on the online store, in percent."),
	higher("Website sessions", app.Count, app.Average, 40000, 120000, 10).lib("website-traffic").
		from("web-analytics", L, L).says("Monthly sessions on the online store."),
	lower("Page load time (worst month)", app.Seconds, app.Max, 2, 3, 0.1).lib("page-load-time").
		from("web-analytics", H, L).says("Median mobile page load time in the slowest month."),
	milestone("11.11 mega-sale ready").lib("campaign-launch").
		from("project-tracker", H, H).says("Stock, banners and vouchers for the 11.11 sale are ready by the deadline."),
}

// serviceKPIs is the Customer Service department's KPI pool.
var serviceKPIs = []tmpl{
	lower("Customer complaints", app.Count, app.Average, 0, 0, 1).base(8, 14).noise(0.3).
		from("helpdesk", H, H).says("Formal complaints received per month."),
	lower("Average handle time", app.Minutes, app.Ratio, 5, 8, 0.1).ratio(1500, 4000, 1, 1).
		from("helpdesk", L, H).says("Total handling minutes ÷ calls and chats handled."),
	higher("Customer satisfaction (CSAT)", app.Score, app.Average, 4.3, 4.7, 0.1).base(3.9, 4.2).noise(0.03).
		from("survey", H, H).says("Average post-contact rating on a 1–5 scale."),
	lower("First response time (worst month)", app.Minutes, app.Max, 30, 60, 1).lib("first-response-time").
		from("helpdesk", L, H).says("Average minutes to first reply on email and chat, worst month."),
	higher("Net Promoter Score", app.Score, app.Last, 35, 50, 1).base(20, 30).noise(0.15).lib("nps").
		from("survey", H, H).says("Promoters minus detractors, quarterly survey."),
	higher("Tickets resolved", app.Count, app.Sum, 4000, 9000, 1).lib("tickets-resolved").
		from("helpdesk", L, L).says("Tickets closed as resolved."),
	higher("Service level (lowest month)", app.Percent, app.Min, 80, 85, 0.1).noise(0.04).lib("sla-compliance").
		from("call-center", H, L).says("Calls answered within 30 seconds, weakest month, in percent."),
	higher("Knowledge base articles published", app.Count, app.Sum, 24, 48, 1).
		from("helpdesk", L, L).says("New or rewritten help articles."),
}
